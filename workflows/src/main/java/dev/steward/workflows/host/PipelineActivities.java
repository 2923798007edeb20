package dev.steward.workflows.host;

import io.temporal.activity.ActivityInterface;

/**
 * The host's configuration and the one-pipeline-per-target lock. Implemented by the worker, which
 * owns the host's {@code steward.yaml}.
 */
@ActivityInterface
public interface PipelineActivities {

  /**
   * Reads the host's configuration afresh and resolves one target's plan.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#CONFIG_INVALID} when
   *     the target is unknown or its configuration is invalid
   */
  TargetPlan resolvePlan(String target);

  /**
   * Takes the target's maintenance lock for a workflow. Taking a lock the same workflow already
   * holds succeeds, so a retry is safe; a lock whose holder has ended is taken over.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#TARGET_BUSY}, naming
   *     the running holder, when another pipeline holds it
   */
  void acquireLock(TargetPlan plan, String workflowId);

  /** Releases the target's lock if this workflow holds it; does nothing otherwise. */
  void releaseLock(TargetPlan plan, String workflowId);
}
