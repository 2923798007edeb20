package dev.steward.workflows.update;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;

/**
 * Replays a recorded history against a workflow implementation. The deadlock detector gets a minute
 * rather than its default second: on a loaded build machine a replaying thread can be starved that
 * long, and this test is about determinism, not speed.
 */
final class Replays {
  private Replays() {}

  /**
   * Replays {@code json} against the first implementation; the others are registered beside it
   * (child workflows the run starts).
   */
  static void replay(String json, Class<?>... workflowImplementations) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker =
          env.newWorker(
              "replay",
              WorkerOptions.newBuilder()
                  .setDefaultDeadlockDetectionTimeout(Duration.ofMinutes(1).toMillis())
                  .build());
      worker.registerWorkflowImplementationTypes(workflowImplementations);
      WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json), worker);
    }
  }
}
