package dev.steward.cli.run;

import dev.steward.cli.UsageException;
import dev.steward.workflows.fleet.FleetRolloutResult;
import dev.steward.workflows.fleet.FleetRolloutStatus;
import dev.steward.workflows.fleet.FleetRolloutWorkflow;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowStub;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows a rollout to its end, printing each change it sees: the batch and phase, and each host
 * whose state, run or message changed since the last poll.
 */
public final class RolloutFollower {
  private static final long POLL_MILLIS = 300;

  private final RunPrinter printer;
  private String lastHeader;
  private List<String> lastHosts = List.of();

  public RolloutFollower(RunPrinter printer) {
    this.printer = printer;
  }

  /**
   * Waits for the rollout's result while printing its progress.
   *
   * @throws UsageException when the rollout could not start because the config rejects the fleet
   * @throws PipelineRefusedException when it could not start for another reason
   */
  public FleetRolloutResult follow(FleetRolloutWorkflow rollout) throws InterruptedException {
    WorkflowStub stub = WorkflowStub.fromTyped(rollout);
    String id = stub.getExecution().getWorkflowId();
    printer.started(id);
    CompletableFuture<FleetRolloutResult> result = stub.getResultAsync(FleetRolloutResult.class);
    while (true) {
      try {
        return result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        FleetRolloutStatus status = statusOf(rollout);
        if (status != null) {
          printChanges(id, status);
        }
      } catch (ExecutionException e) {
        throw RunFollower.refusal(e.getCause());
      }
    }
  }

  private void printChanges(String id, FleetRolloutStatus status) {
    String header = RolloutPrinter.header(status);
    if (!header.equals(lastHeader)) {
      printer.text(header + hint(id, status.phase()));
      lastHeader = header;
    }
    List<String> hosts = RolloutPrinter.hostLines(status);
    List<String> changed = new ArrayList<>(hosts);
    changed.removeAll(lastHosts);
    changed.forEach(printer::text);
    lastHosts = hosts;
  }

  /** What a person can do now, when the rollout waits for them. */
  private static String hint(String id, String phase) {
    return switch (phase) {
      case "awaiting-approval" -> " (steward rollout approve " + id + " [--reject])";
      case "paused" -> " (steward rollout resume " + id + ")";
      default -> "";
    };
  }

  private static FleetRolloutStatus statusOf(FleetRolloutWorkflow rollout) {
    try {
      return rollout.status();
    } catch (WorkflowException e) {
      // The rollout may not have had its first workflow task yet; the next poll asks again.
      return null;
    }
  }
}
