package dev.steward.cli.durability;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the Temporal server knows about a run: its running activity, and when things happened. */
final class ServerRuns {
  private ServerRuns() {}

  /** Whether a worker has taken an attempt of {@code activityType} in the run and not ended it. */
  static boolean isRunning(WorkflowClient client, String workflowId, String activityType) {
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .build())
        .getPendingActivitiesList()
        .stream()
        .anyMatch(
            a ->
                a.getActivityType().getName().equals(activityType)
                    && a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED);
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

  private static List<HistoryEvent> events(WorkflowClient client, String workflowId) {
    return client.fetchHistory(workflowId).getEvents();
  }

  private static Instant timeOf(HistoryEvent event) {
    return Instant.ofEpochSecond(
        event.getEventTime().getSeconds(), event.getEventTime().getNanos());
  }
}
