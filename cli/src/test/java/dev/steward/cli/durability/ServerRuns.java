package dev.steward.cli.durability;

import dev.steward.worker.Await;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.RecordActivityTaskHeartbeatByIdRequest;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the Temporal server knows about a run: its running activity, why its attempts were retried,
 * and when things happened.
 */
final class ServerRuns {
  private ServerRuns() {}

  /** Whether a worker has taken an attempt of {@code activityType} in the run and not ended it. */
  static boolean isRunning(WorkflowClient client, String workflowId, String activityType) {
    return attempt(client, workflowId, activityType)
        .filter(a -> a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED)
        .isPresent();
  }

  /** The run's pending activity of {@code activityType}, as the server describes it. */
  static Optional<PendingActivityInfo> attempt(
      WorkflowClient client, String workflowId, String activityType) {
    return describe(client, workflowId).getPendingActivitiesList().stream()
        .filter(a -> a.getActivityType().getName().equals(activityType))
        .findFirst();
  }

  /**
   * Heartbeats the run's running {@code activityType} attempt for its worker, every second until
   * closed, as that worker would while it lived: its heartbeat timeout cannot end it meanwhile.
   */
  static AutoCloseable keepHeartbeating(
      WorkflowClient client, String workflowId, String activityType) {
    PendingActivityInfo running = attempt(client, workflowId, activityType).orElseThrow();
    String runId =
        describe(client, workflowId).getWorkflowExecutionInfo().getExecution().getRunId();
    AtomicBoolean stop = new AtomicBoolean();
    Thread beats =
        new Thread(
            () -> {
              while (!stop.get()) {
                try {
                  client
                      .getWorkflowServiceStubs()
                      .blockingStub()
                      .recordActivityTaskHeartbeatById(
                          RecordActivityTaskHeartbeatByIdRequest.newBuilder()
                              .setNamespace(client.getOptions().getNamespace())
                              .setWorkflowId(workflowId)
                              .setRunId(runId)
                              .setActivityId(running.getActivityId())
                              .setIdentity("steward-test-heartbeats")
                              .build());
                } catch (StatusRuntimeException e) {
                  // The attempt has ended (NOT_FOUND): nothing left to keep.
                }
                Await.pause(java.time.Duration.ofSeconds(1));
              }
            },
            "keep-heartbeating");
    beats.setDaemon(true);
    beats.start();
    return () -> {
      stop.set(true);
      beats.join();
    };
  }

  /**
   * The last failures that the run's retried activity attempts started with, from its history: why
   * each earlier attempt ended.
   */
  static List<String> retryCauses(WorkflowClient client, String workflowId) {
    return events(client, workflowId).stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .map(HistoryEvent::getActivityTaskStartedEventAttributes)
        .filter(started -> started.getAttempt() > 1)
        .map(started -> started.getLastFailure().getMessage())
        .toList();
  }

  /** When the run's first activity completed after {@code after}; null when none did. */
  static Instant nextCompletedActivity(WorkflowClient client, String workflowId, Instant after) {
    for (HistoryEvent event : events(client, workflowId)) {
      if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED
          && timeOf(event).isAfter(after)) {
        return timeOf(event);
      }
    }
    return null;
  }

  /** When the run ended: the time of its last event. */
  static Instant ended(WorkflowClient client, String workflowId) {
    List<HistoryEvent> events = events(client, workflowId);
    return timeOf(events.get(events.size() - 1));
  }

  /** Seconds from {@code from} to {@code to}, for the figures in docs/durability.md. */
  static double seconds(Instant from, Instant to) {
    return to == null ? Double.NaN : Duration.between(from, to).toMillis() / 1000.0;
  }

  /** Prints a measured figure and keeps it in target/real-server-figures.txt (docs quote it). */
  static void figure(String format, Object... values) throws IOException {
    String line = String.format(Locale.ROOT, format, values);
    System.out.println("[real server] " + line);
    Files.writeString(
        Path.of("target", "real-server-figures.txt"),
        Instant.now() + " " + line + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static DescribeWorkflowExecutionResponse describe(
      WorkflowClient client, String workflowId) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build());
  }

  private static List<HistoryEvent> events(WorkflowClient client, String workflowId) {
    return client.fetchHistory(workflowId).getEvents();
  }

  private static Instant timeOf(HistoryEvent event) {
    return Instant.ofEpochSecond(
        event.getEventTime().getSeconds(), event.getEventTime().getNanos());
  }
}
