package dev.steward.workflows.fleet;

import dev.steward.workflows.update.ApprovalDecision;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One rollout of one revision across a fleet: the canary, then batches, each host's own {@code
 * UpdateWorkflow} as a child on that host's queue, a bake and re-check between batches, a failure
 * budget over the whole rollout, approvals, and on a budget exceeded a halt or a revert of every
 * host it updated. Its id is {@code rollout/<fleet>/<time>}.
 */
@WorkflowInterface
public interface FleetRolloutWorkflow {

  /** Runs the rollout; it fails only when it could not start (bad fleet, no revision). */
  @WorkflowMethod
  FleetRolloutResult rollout(FleetRolloutRequest request);

  /** Where the rollout is. */
  @QueryMethod
  FleetRolloutStatus status();

  /**
   * Answers a rollout that waits at an approval gate: approved goes on to the next batch, rejected
   * reverts every host updated so far.
   *
   * @return what the rollout does next, for people
   */
  @UpdateMethod
  String approve(ApprovalDecision decision);

  /** Refuses an answer when the rollout is not waiting at a gate. */
  @UpdateValidatorMethod(updateName = "approve")
  void validateApprove(ApprovalDecision decision);

  /**
   * Starts no more hosts until {@link #resume}; the hosts updating now finish.
   *
   * @return what the rollout does next, for people
   */
  @UpdateMethod
  String pause();

  /** Refuses a pause of a rollout that is paused or has ended. */
  @UpdateValidatorMethod(updateName = "pause")
  void validatePause();

  /**
   * Goes on after {@link #pause}.
   *
   * @return what the rollout does next, for people
   */
  @UpdateMethod
  String resume();

  /** Refuses a resume of a rollout that is not paused. */
  @UpdateValidatorMethod(updateName = "resume")
  void validateResume();

  /**
   * Stops the rollout: no more hosts start; the hosts updating now finish; with {@code revert},
   * every host it updated is then rolled back, code and data. Ends {@code halted} or {@code
   * reverted}.
   *
   * @return what the rollout does next, for people
   */
  @UpdateMethod
  String abort(boolean revert);

  /** Refuses an abort of a rollout that has ended or is already reverting. */
  @UpdateValidatorMethod(updateName = "abort")
  void validateAbort(boolean revert);
}
