package dev.steward.cli.commands;

import dev.steward.cli.UsageException;
import dev.steward.worker.TemporalConnection;
import dev.steward.workflows.fleet.FleetRolloutWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowTargetOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.function.Function;

/**
 * Talking to one rollout by its id: what a wrong id and a refused request become, as one line each
 * (exit 2 for an id the server does not know, exit 1 for a request the rollout refuses).
 */
final class RolloutRequests {
  private RolloutRequests() {}

  /** A request the rollout's validator refused: it is not in a state to take it. */
  static final class RefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  /**
   * The rollout's current run, by its run id: Temporal's test server finds an update's outcome only
   * by the run id it was sent to, and a stub without one leaves it empty.
   *
   * @throws WorkflowNotFoundException when the server has no such workflow
   */
  static FleetRolloutWorkflow stub(TemporalConnection connection, String id) {
    WorkflowClient client = connection.client();
    String runId = client.newUntypedWorkflowStub(id).describe().getExecution().getRunId();
    return client.newWorkflowStub(
        FleetRolloutWorkflow.class,
        WorkflowTargetOptions.newBuilder().setWorkflowId(id).setRunId(runId).build());
  }

  /** Sends a request (a Temporal update); a refusal is a {@link RefusedException} naming why. */
  static String send(
      String id, FleetRolloutWorkflow rollout, Function<FleetRolloutWorkflow, String> request) {
    try {
      return request.apply(rollout);
    } catch (WorkflowUpdateException e) {
      throw new RefusedException(id + ": " + reason(e));
    }
  }

  /**
   * Runs {@code call}; an id the server does not know is a usage error, a rollout that ended or a
   * request the server lost is a refusal.
   */
  static void call(String id, WorkflowClient client, Runnable call) {
    try {
      call.run();
    } catch (WorkflowNotFoundException e) {
      WorkflowExecutionStatus status = statusOf(client, id);
      if (status == null) {
        throw new UsageException(
            "no rollout "
                + id
                + " on this Temporal server (check the id: rollout start prints it)");
      }
      if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        throw new RefusedException(
            id + ": the rollout has ended (see it with: steward rollout status " + id + ")");
      }
      // A running rollout whose update the server lost: Temporal's in-memory test server does
      // this to every update sent over its port.
      throw new RefusedException(
          id + ": the server did not deliver the request (" + reason(e) + "); use a real server");
    }
  }

  private static WorkflowExecutionStatus statusOf(WorkflowClient client, String id) {
    try {
      return client.newUntypedWorkflowStub(id).describe().getStatus();
    } catch (WorkflowNotFoundException e) {
      return null;
    }
  }

  /** The validator's own message, without the SDK's wrapping. */
  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure failure) {
        return failure.getOriginalMessage();
      }
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.toString() : root.getMessage();
  }
}
