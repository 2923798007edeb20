package dev.steward.activities.pipeline;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;

/** Asks whether the pipeline named in a lock file still runs. */
final class LockHolders {
  /** What is known of a lock's holder. */
  enum Holder {
    /** Temporal says the workflow is running. */
    RUNNING,
    /** Temporal knows it, and it has ended. */
    ENDED,
    /** Temporal has never heard of it, but the process that took the lock still runs. */
    RUNNING_ELSEWHERE,
    /** Temporal has never heard of it, and the process that took it is gone. */
    GONE
  }

  private final WorkflowClient client;

  LockHolders(WorkflowClient client) {
    this.client = client;
  }

  Holder check(LockRecord lock) {
    try {
      WorkflowExecutionStatus status =
          client.newUntypedWorkflowStub(lock.workflowId()).describe().getStatus();
      return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
          ? Holder.RUNNING
          : Holder.ENDED;
    } catch (WorkflowNotFoundException e) {
      return unknownToServer(lock);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return unknownToServer(lock);
      }
      throw e;
    }
  }

  /**
   * A workflow this server does not know was run by another server: most likely the embedded server
   * of another Steward process on this host, which lives only as long as that process. So the
   * holder is alive exactly while that process is. This JVM's own earlier embedded server is gone
   * for good, so a lock it left is stale.
   */
  private static Holder unknownToServer(LockRecord lock) {
    WorkerProcess taker = WorkerProcess.lockTaker(lock);
    return taker.isAlive() && !taker.isThisJvm() ? Holder.RUNNING_ELSEWHERE : Holder.GONE;
  }
}
