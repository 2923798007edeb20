package dev.steward.workflows.host;

import dev.steward.workflows.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Activity stubs for one target, on its host's queue, with timeouts from its plan. Workflow code
 * only: it creates stubs, it does no I/O.
 *
 * <p>Every activity is idempotent or guarded (see DESIGN.md, "Durability rules"), so each may be
 * retried after a worker dies; permanent errors are non-retryable {@link FailureTypes}. Long ones
 * heartbeat, and their heartbeat timeout is what notices a dead worker within seconds.
 */
public final class HostActivityStubs {
  // A dead worker is noticed by these two: a heartbeating activity that misses HEARTBEAT, a quick
  // one (milliseconds of work, no heartbeats) that overruns QUICK. See docs/durability.md.
  private static final Duration QUICK = Duration.ofSeconds(10);
  // A few quick steps in one call (StageActivities): room for each, still no heartbeats.
  private static final Duration STAGE = Duration.ofSeconds(20);
  private static final Duration HEARTBEAT = Duration.ofSeconds(10);
  private static final Duration SERVICE_CHANGE = Duration.ofMinutes(3);
  private static final Duration SNAPSHOT = Duration.ofHours(1);
  private static final Duration MARGIN = Duration.ofMinutes(1);

  private HostActivityStubs() {}

  /** The host's configuration and lock: usable before the plan is known. */
  public static PipelineActivities pipeline(String host) {
    return pipeline(host, null);
  }

  public static PipelineActivities pipeline(String host, String summary) {
    return quick(PipelineActivities.class, host, summary);
  }

  /**
   * A quick activity of {@code type} on {@code host}'s queue (milliseconds of work, a few retries),
   * for activity interfaces outside this package: a rollout's {@code FleetActivities}.
   */
  public static <T> T quick(Class<T> type, String host, String summary) {
    return stub(type, options(host, QUICK, null), summary);
  }

  /**
   * A fleet rollout's first call to a host: its plan, read by its own worker, failing with a
   * schedule-to-start timeout (never retried) when no worker of that host picks it up within {@code
   * pickup}. A host that is down thus fails fast instead of stalling the rollout.
   */
  public static PipelineActivities reach(String host, Duration pickup, String summary) {
    return stub(PipelineActivities.class, within(options(host, QUICK, null), pickup), summary);
  }

  /**
   * As {@link #code}, but failing when the host's worker does not pick it up within {@code pickup}.
   */
  public static CodeActivities code(TargetPlan plan, Duration pickup, String summary) {
    return stub(CodeActivities.class, within(codeOptions(plan), pickup), summary);
  }

  /**
   * As {@link #service}, but failing when the host's worker does not pick it up within {@code
   * pickup}: a rollout's health re-check after its bake.
   */
  public static ServiceActivities service(TargetPlan plan, Duration pickup, String summary) {
    return stub(ServiceActivities.class, within(serviceOptions(plan), pickup), summary);
  }

  public static DiskActivities disk(TargetPlan plan, String summary) {
    return stub(DiskActivities.class, options(plan.host(), QUICK, null), summary);
  }

  /** Several quick steps of one stage in one round trip. */
  public static StageActivities stages(TargetPlan plan, String summary) {
    return stub(StageActivities.class, options(plan.host(), STAGE, null), summary);
  }

  public static StatusActivities status(TargetPlan plan, String summary) {
    return stub(StatusActivities.class, options(plan.host(), QUICK, null), summary);
  }

  /** Code: the update command and its {@code then} commands each get the update timeout. */
  public static CodeActivities code(TargetPlan plan, String summary) {
    return stub(CodeActivities.class, codeOptions(plan), summary);
  }

  private static ActivityOptions codeOptions(TargetPlan plan) {
    int commands = 1 + plan.update().then().size() + plan.patches().size();
    Duration budget = Duration.ofSeconds(plan.update().timeoutSeconds()).multipliedBy(commands);
    return options(plan.host(), budget.plus(MARGIN), HEARTBEAT);
  }

  public static SnapshotActivities snapshots(TargetPlan plan, String summary) {
    return stub(SnapshotActivities.class, options(plan.host(), SNAPSHOT, HEARTBEAT), summary);
  }

  /** Service: a restart gets a few minutes; a health wait its configured timeout and a margin. */
  public static ServiceActivities service(TargetPlan plan, String summary) {
    return stub(ServiceActivities.class, serviceOptions(plan), summary);
  }

  private static ActivityOptions serviceOptions(TargetPlan plan) {
    Duration health = Duration.ofMillis(plan.health().timeoutMillis()).plus(MARGIN);
    Duration longest = health.compareTo(SERVICE_CHANGE) > 0 ? health : SERVICE_CHANGE;
    return options(plan.host(), longest, HEARTBEAT);
  }

  private static ActivityOptions within(ActivityOptions options, Duration pickup) {
    return options.toBuilder().setScheduleToStartTimeout(pickup).build();
  }

  public static HoldActivities holds(TargetPlan plan, String summary) {
    return stub(HoldActivities.class, options(plan.host(), QUICK, null), summary);
  }

  /** Probes, the provider's status page and log tails: quick, a few retries. */
  public static RecoveryActivities recovery(TargetPlan plan, String summary) {
    return stub(RecoveryActivities.class, options(plan.host(), QUICK, null), summary);
  }

  public static MonitorActivities monitor(TargetPlan plan, String summary) {
    return stub(MonitorActivities.class, options(plan.host(), QUICK, null), summary);
  }

  /**
   * The heartbeat ping: a short timeout and three quick attempts, so a slow receiver never delays
   * the next measurement.
   */
  public static MonitorActivities heartbeat(TargetPlan plan, String summary) {
    return stub(
        MonitorActivities.class,
        ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.forHost(plan.host()))
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryOptions(
                RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(1))
                    .setMaximumInterval(Duration.ofSeconds(5))
                    .setMaximumAttempts(3)
                    .build())
            .build(),
        summary);
  }

  /**
   * Sending a notice: each attempt a short timeout, retried with backoff for about a quarter of an
   * hour, so a channel that is down for a while still gets the notice, and one that stays down is
   * recorded as failed.
   */
  public static NotifyActivities notices(String host, String summary) {
    return stub(
        NotifyActivities.class,
        ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.forHost(host))
            .setStartToCloseTimeout(Duration.ofSeconds(20))
            .setRetryOptions(
                RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(2))
                    .setBackoffCoefficient(3)
                    .setMaximumInterval(Duration.ofMinutes(5))
                    .setMaximumAttempts(6)
                    .setDoNotRetry(FailureTypes.CONFIG_INVALID)
                    .build())
            .build(),
        summary);
  }

  /**
   * A stub whose every activity carries {@code summary}, the one line the web UI shows for it.
   * Summaries are user metadata, not part of the command the replay compares, so they may change
   * without a version guard; they must never hold a secret (name steps, targets and revisions, not
   * command lines).
   */
  private static <T> T stub(Class<T> type, ActivityOptions options, String summary) {
    ActivityOptions withSummary =
        summary == null ? options : options.toBuilder().setSummary(summary).build();
    return Workflow.newActivityStub(type, withSummary);
  }

  private static ActivityOptions options(String host, Duration startToClose, Duration heartbeat) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.forHost(host))
        .setStartToCloseTimeout(startToClose)
        .setHeartbeatTimeout(heartbeat)
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setMaximumInterval(Duration.ofSeconds(30))
                .setMaximumAttempts(5)
                .build())
        .build();
  }
}
