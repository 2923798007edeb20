package dev.steward.worker.metrics;

import dev.steward.workflows.pipeline.StepLog;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The meters the worker exports, each with its HELP text and the labels that mean something for it.
 * The SDK tags every meter with all of its tag keys, {@code "none"} where one does not apply
 * ({@code activity_type="none"}, {@code signal_name="none"}, …), and Steward's own meters, reported
 * through the workflow's scope, inherit those too: here each keeps only its listed labels, and no
 * label whose value is the SDK's placeholder. SDK meters not listed (sticky cache, pollers, slots,
 * replay latencies: the SDK's internals) are dropped, so an SDK upgrade adds no undescribed series.
 * Timers are summaries ({@code _count}, {@code _sum}, {@code _max}), not the SDK's ~70 buckets per
 * series; only Steward's step duration keeps a few buckets, at the scale of a host's steps.
 *
 * <p>Series whose dropped labels were all that told them apart become one: right for counters and
 * timers (they add up), wrong for a gauge (one of the two would go unread), so a gauge here keeps
 * every label its reporter varies ({@code target} for the monitor's).
 */
final class MeterCatalog implements MeterFilter {
  /** The SDK's value for a tag that does not apply to the meter (its MetricsTag.DEFAULT_VALUE). */
  private static final String PLACEHOLDER = "none";

  private static final String SDK_PREFIX = "temporal_";

  /** Step duration buckets: a status write takes milliseconds, a large snapshot minutes. */
  private static final List<Duration> STEP_BUCKETS =
      List.of(
          Duration.ofMillis(100),
          Duration.ofSeconds(1),
          Duration.ofSeconds(10),
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30));

  /**
   * A meter's HELP text and the labels it keeps. A series without one of {@code required} is
   * denied: the SDK reports some timers twice, once without the label (activity schedule-to-start,
   * from the poller and again per activity type), and the unlabelled copy would count every task
   * twice.
   */
  private record Entry(String help, Set<String> labels, Set<String> required) {
    Entry(String help, Set<String> labels) {
      this(help, labels, Set.of());
    }
  }

  private static final Set<String> QUEUE = Set.of("namespace", "task_queue");
  private static final Set<String> WORKFLOW = Set.of("namespace", "task_queue", "workflow_type");
  private static final Set<String> ACTIVITY =
      Set.of("namespace", "task_queue", "workflow_type", "activity_type");

  private static final Map<String, Entry> METERS =
      Map.ofEntries(
          // Steward's own.
          Map.entry(
              "steward_runs",
              new Entry(
                  "Pipeline runs finished on this worker, by kind and outcome",
                  Set.of("kind", "outcome"))),
          Map.entry(
              StepLog.STEP_DURATION_METRIC,
              new Entry(
                  "Duration of each pipeline step run on this worker, by step and status",
                  Set.of("step", "status"))),
          Map.entry(
              "steward_seconds_since_last_success",
              new Entry(
                  "Seconds since the target's last successful update, from its status file",
                  Set.of("target"))),
          Map.entry(
              "steward_active_alerts",
              new Entry(
                  "Monitored metrics of the target beyond their threshold at the last cycle",
                  Set.of("target"))),
          Map.entry(
              "steward_monitor_up",
              new Entry(
                  "1 when the target's service runs and passes its probes, else 0",
                  Set.of("target"))),
          Map.entry(
              "steward_monitor_disk_free_percent",
              new Entry(
                  "Free space on the filesystem of the target's state directory, in percent",
                  Set.of("target"))),
          Map.entry(
              "steward_monitor_memory_bytes",
              new Entry(
                  "Resident memory of the target's service (NaN when it does not run)",
                  Set.of("target"))),
          Map.entry(
              "steward_monitor_error_percent",
              new Entry(
                  "Failed model-call attempts in the target's error window, in percent",
                  Set.of("target"))),
          // The SDK's: talking to the server.
          Map.entry(
              "temporal_request",
              new Entry("Requests from this worker to the Temporal server", Set.of("operation"))),
          Map.entry(
              "temporal_request_failure",
              new Entry(
                  "Requests to the Temporal server that failed, by gRPC status",
                  Set.of("operation", "status_code"))),
          Map.entry(
              "temporal_request_latency",
              new Entry("Latency of requests to the Temporal server", Set.of("operation"))),
          Map.entry(
              "temporal_long_request",
              new Entry(
                  "Long polls from this worker to the Temporal server",
                  Set.of("operation", "task_queue"))),
          Map.entry(
              "temporal_long_request_failure",
              new Entry(
                  "Long polls to the Temporal server that failed, by gRPC status",
                  Set.of("operation", "task_queue", "status_code"))),
          // The SDK's: workers, workflows and activities.
          Map.entry(
              "temporal_worker_start",
              new Entry(
                  "Workers started in this process, per task queue and kind",
                  Set.of("namespace", "task_queue", "worker_type"))),
          Map.entry(
              "temporal_workflow_completed",
              new Entry("Workflow runs this worker completed", WORKFLOW)),
          Map.entry(
              "temporal_workflow_failed", new Entry("Workflow runs this worker failed", WORKFLOW)),
          Map.entry(
              "temporal_workflow_canceled",
              new Entry("Workflow runs canceled on this worker", WORKFLOW)),
          Map.entry(
              "temporal_workflow_continue_as_new",
              new Entry("Workflow runs this worker continued as new", WORKFLOW)),
          Map.entry(
              "temporal_workflow_endtoend_latency",
              new Entry("Time from a workflow run's start to its close", WORKFLOW)),
          Map.entry(
              "temporal_workflow_task_schedule_to_start_latency",
              new Entry(
                  "Time workflow tasks waited in their queue for this worker (a backlog)", QUEUE)),
          Map.entry(
              "temporal_workflow_task_execution_failed",
              new Entry(
                  "Workflow tasks that failed on this worker, by reason (NonDeterminismError:"
                      + " a code change broke replay)",
                  Set.of("namespace", "task_queue", "workflow_type", "failure_reason"))),
          Map.entry(
              "temporal_workflow_task_no_completion",
              new Entry(
                  "Workflow tasks this worker dropped after failing twice in a row", WORKFLOW)),
          Map.entry(
              "temporal_activity_schedule_to_start_latency",
              new Entry(
                  "Time activity tasks waited in their queue for this worker (a backlog)",
                  Set.of("namespace", "task_queue", "activity_type"),
                  Set.of("activity_type"))),
          Map.entry(
              "temporal_activity_execution_latency",
              new Entry("Time each activity execution took on this worker", ACTIVITY)),
          Map.entry(
              "temporal_activity_execution_failed",
              new Entry("Activity executions that failed on this worker", ACTIVITY)),
          Map.entry(
              "temporal_activity_execution_cancelled",
              new Entry("Activity executions canceled on this worker", ACTIVITY)),
          Map.entry(
              "temporal_local_activity_total",
              new Entry("Local activity executions started on this worker", ACTIVITY)),
          Map.entry(
              "temporal_local_activity_execution_failed",
              new Entry("Local activity executions that failed on this worker", ACTIVITY)),
          Map.entry(
              "temporal_local_activity_execution_latency",
              new Entry("Time each local activity execution took on this worker", ACTIVITY)));

  /** Called with the id as {@link #map} left it. */
  @Override
  public MeterFilterReply accept(Meter.Id id) {
    Entry entry = METERS.get(id.getName());
    if (entry == null) {
      return id.getName().startsWith(SDK_PREFIX) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
    }
    boolean labelled = entry.required().stream().allMatch(label -> id.getTag(label) != null);
    return labelled ? MeterFilterReply.NEUTRAL : MeterFilterReply.DENY;
  }

  @Override
  public Meter.Id map(Meter.Id id) {
    Entry entry = METERS.get(id.getName());
    if (entry == null) {
      return id; // A Steward meter not described here yet: promtool's check in the tests says so.
    }
    List<Tag> kept =
        id.getTags().stream()
            .filter(tag -> entry.labels().contains(tag.getKey()))
            .filter(tag -> !PLACEHOLDER.equals(tag.getValue()))
            .toList();
    return new Meter.Id(id.getName(), Tags.of(kept), id.getBaseUnit(), entry.help(), id.getType());
  }

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    DistributionStatisticConfig.Builder summary =
        DistributionStatisticConfig.builder().percentilesHistogram(false);
    if (id.getName().equals(StepLog.STEP_DURATION_METRIC)) {
      summary.serviceLevelObjectives(
          STEP_BUCKETS.stream().mapToDouble(bucket -> bucket.toNanos()).toArray());
    }
    return summary.build().merge(config);
  }
}
