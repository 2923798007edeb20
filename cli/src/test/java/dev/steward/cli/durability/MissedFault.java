package dev.steward.cli.durability;

import dev.steward.worker.Await;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Tells, from the run's own state, that a case can never reach its fault: its run ended, or its
 * step already ended (went past it, failed, or was skipped by another branch). The wave then
 * reports the case at once, with the run's steps and the target's state, instead of waiting for the
 * deadline.
 */
final class MissedFault {
  private static final Set<String> ENDED = Set.of("ok", "failed", "skipped");

  private MissedFault() {}

  /**
   * Waits until {@code reached}, or until the run shows that it can never get there (its state is
   * read every second); returns "" when reached, else why not, also recorded as the case's problem
   * with the run's steps and the target's state.
   */
  static String await(
      WorkflowClient client,
      MatrixCase c,
      BooleanSupplier reached,
      boolean after,
      Duration patience) {
    long[] nextLook = {0};
    String missed =
        Await.value(
            c.id + " to reach its fault",
            patience,
            () -> {
              if (reached.getAsBoolean()) {
                return "";
              }
              if (System.nanoTime() - nextLook[0] < 0) {
                return null;
              }
              nextLook[0] = System.nanoTime() + Duration.ofSeconds(1).toNanos();
              Optional<String> why = why(client, c, after);
              // The marker is written before the hook blocks: look again, the run may be there.
              return why.isEmpty() || reached.getAsBoolean() ? null : why.get();
            },
            () -> state(client, c));
    if (!missed.isEmpty()) {
      missed += "; " + state(client, c);
      c.problems.add("never reached its fault: " + missed);
    }
    return missed;
  }

  /**
   * Why the case cannot reach its fault any more, or empty while it still can. {@code after}: the
   * fault holds the run after the step ended (kill-after), so only a step that failed or was
   * skipped, or a run that ended, rules it out.
   */
  private static Optional<String> why(WorkflowClient client, MatrixCase c, boolean after) {
    try {
      return whyNow(client.newUntypedWorkflowStub(c.workflowId), c, after);
    } catch (RuntimeException unanswered) {
      // A loaded worker can miss a query's deadline: no verdict yet, the next look decides.
      return Optional.empty();
    }
  }

  private static Optional<String> whyNow(WorkflowStub run, MatrixCase c, boolean after) {
    WorkflowExecutionStatus status = run.describe().getStatus();
    if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return Optional.of(
          "its run ended (" + status.name().replace("WORKFLOW_EXECUTION_STATUS_", "") + ")");
    }
    String stepStatus =
        steps(run).stream()
            .filter(s -> c.step.label().equals(s.get("name")))
            .map(s -> String.valueOf(s.get("status")))
            .reduce((first, last) -> last)
            .orElse("");
    boolean ruledOut =
        after ? Set.of("failed", "skipped").contains(stepStatus) : ENDED.contains(stepStatus);
    return ruledOut
        ? Optional.of("its step " + c.step.label() + " is " + stepStatus)
        : Optional.empty();
  }

  /** The run's status, its steps, and the target's state, for the report. */
  static String state(WorkflowClient client, MatrixCase c) {
    StringBuilder text = new StringBuilder();
    try {
      WorkflowStub run = client.newUntypedWorkflowStub(c.workflowId);
      text.append("run ")
          .append(c.workflowId)
          .append(' ')
          .append(run.describe().getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", ""));
      text.append("; steps: ")
          .append(
              steps(run).stream()
                  .map(s -> s.get("name") + " " + s.get("status") + " (" + s.get("message") + ")")
                  .collect(Collectors.joining(", ")));
    } catch (RuntimeException e) {
      text.append("; run state unreadable: ").append(e.getMessage());
    }
    try {
      text.append("; target: ").append(c.observed());
    } catch (IOException | RuntimeException e) {
      text.append("; target state unreadable: ").append(e.getMessage());
    }
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps(WorkflowStub run) {
    return run.query("progress", List.class);
  }
}
