package dev.steward.workflows.fleet;

import dev.steward.workflows.update.ApprovalDecision;
import io.temporal.workflow.Workflow;

/**
 * A person's hand on a rollout: the approval gate, pause and resume, abort. The update methods set
 * it, their validators refuse what does not fit the rollout's state, the rollout reads it. Workflow
 * code.
 */
final class RolloutControls {
  private boolean paused;
  private Boolean abortWithRevert;
  private ApprovalDecision decision;
  private boolean atGate;
  private boolean stopping;
  private boolean ended;

  boolean paused() {
    return paused;
  }

  /** A rollout continued as new carries its pause. */
  void carryPause(boolean wasPaused) {
    paused = wasPaused;
  }

  boolean aborted() {
    return abortWithRevert != null;
  }

  boolean revertOnAbort() {
    return Boolean.TRUE.equals(abortWithRevert);
  }

  /** The gate's answer was no. */
  boolean rejected() {
    return decision != null && !decision.approved();
  }

  ApprovalDecision decision() {
    return decision;
  }

  /** Waits at a gate for a person's answer, or an abort. */
  void awaitApproval() {
    decision = null;
    atGate = true;
    Workflow.await(() -> decision != null || aborted());
    atGate = false;
  }

  /** From here on the rollout reverts or ends: no abort, no pause. */
  void stopping() {
    stopping = true;
  }

  void ended() {
    ended = true;
  }

  /**
   * @param next the batch the rollout goes on to; @param updated the hosts a rejection reverts
   */
  String approve(ApprovalDecision answer, String next, int updated) {
    decision = answer;
    return answer.approved()
        ? "approved by " + answer.by() + ": " + next + " starts"
        : "rejected by "
            + answer.by()
            + ": reverting the "
            + updated
            + " hosts this rollout updated";
  }

  void validateApprove(ApprovalDecision answer, String phase) {
    if (answer == null) {
      throw new IllegalArgumentException("no decision given");
    }
    if (!atGate || decision != null || ended) {
      throw new IllegalStateException(
          "this rollout is not waiting for approval (it is " + phase + ")");
    }
  }

  String pause(int updating) {
    paused = true;
    return "paused: no more hosts start until `steward rollout resume`; the "
        + updating
        + " updating now finish";
  }

  void validatePause() {
    refuseIfStopping();
    if (paused) {
      throw new IllegalStateException("this rollout is already paused");
    }
  }

  String resume() {
    paused = false;
    return "resumed: hosts start again";
  }

  void validateResume() {
    refuseIfEnded();
    if (!paused) {
      throw new IllegalStateException("this rollout is not paused");
    }
  }

  String abort(boolean revert, int updating) {
    abortWithRevert = revert;
    return "aborting: no more hosts start; the "
        + updating
        + " updating now finish"
        + (revert ? ", then every host this rollout updated is reverted" : "");
  }

  void validateAbort() {
    refuseIfStopping();
    if (aborted()) {
      throw new IllegalStateException("this rollout is already stopping");
    }
  }

  private void refuseIfStopping() {
    refuseIfEnded();
    if (stopping) {
      throw new IllegalStateException("this rollout is already stopping");
    }
  }

  private void refuseIfEnded() {
    if (ended) {
      throw new IllegalStateException("this rollout has ended");
    }
  }
}
