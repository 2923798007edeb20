package dev.steward.workflows.pipeline;

import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.PipelineActivities;
import dev.steward.workflows.host.Summaries;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.function.Supplier;

/**
 * The frame every pipeline runs in: read the plan, take the target's lock, run the body, release
 * the lock in a detached cancellation scope (so a cancelled run still lets the target go). A plan
 * or lock step that fails fails the run, naming why. Workflow code.
 */
public final class PipelineFrame {
  private final StepLog steps;
  private final String host;
  private final Runnable recordFailure;

  /**
   * @param recordFailure records the run as failed (outcome attribute, counter) before a failed
   *     plan or lock step fails it
   */
  public PipelineFrame(StepLog steps, String host, Runnable recordFailure) {
    this.steps = steps;
    this.host = host;
    this.recordFailure = recordFailure;
  }

  /** The {@code plan} step: the host's plan of {@code target}. */
  public TargetPlan plan(String target) {
    PipelineActivities planner = HostActivityStubs.pipeline(host, Step.PLAN.summary(null, target));
    return starting(
        () -> steps.run(Step.PLAN, () -> planner.resolvePlan(target), p -> "target " + p.target()));
  }

  /**
   * The {@code lock} step, then {@code body}, then the release of the lock under the plan {@code
   * plan} gives at that time (a body may read the plan again).
   */
  public <R> R locked(Supplier<TargetPlan> plan, Supplier<R> body) {
    String workflowId = Workflow.getInfo().getWorkflowId();
    TargetPlan locking = plan.get();
    starting(
        () -> {
          PipelineActivities locks = HostActivityStubs.pipeline(host, Step.LOCK.summary(locking));
          steps.run(
              Step.LOCK,
              () -> locks.acquireLock(locking, workflowId),
              "holding " + locking.target());
          return null;
        });
    try {
      return body.get();
    } finally {
      TargetPlan releasing = plan.get();
      PipelineActivities locks =
          HostActivityStubs.pipeline(host, Summaries.unlock(releasing.target()));
      Workflow.newDetachedCancellationScope(() -> locks.releaseLock(releasing, workflowId)).run();
    }
  }

  private <T> T starting(Supplier<T> step) {
    try {
      return step.get();
    } catch (StepFailedException e) {
      recordFailure.run();
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), e.type());
    }
  }
}
