package dev.steward.workflows.host;

import io.temporal.activity.ActivityInterface;

/**
 * What a target's host keeps about its runs: the status file that the field guide's monitoring
 * reads, and the last known good release.
 */
@ActivityInterface
public interface StatusActivities {

  /**
   * Writes {@code <state>/.auto-update-status.json} atomically, with the last known good release's
   * revision as {@code good_rev} (read from the host, not from {@code status}).
   */
  void writeStatus(TargetPlan plan, RunStatus status);

  /** The target's last known good release, or null when none has been recorded yet. */
  GoodRelease readGoodRelease(TargetPlan plan);

  /**
   * Records the checkout's current revision as the target's last known good release, verified now
   * by {@code workflowId}; call it only right after the service passed health verification.
   * Idempotent.
   *
   * @return the release recorded, or null when the checkout has no revision to record
   */
  GoodRelease markGoodRelease(TargetPlan plan, String workflowId);
}
