package dev.steward.workflows.host;

import io.temporal.activity.ActivityInterface;

/** Holds on a target's updates: put by a person or by a pipeline that needs one. */
@ActivityInterface
public interface HoldActivities {

  /** Returns the target's hold, or null when it has none. */
  Hold readHold(TargetPlan plan);

  /** Puts a hold on the target, replacing any earlier one. Idempotent. */
  void putHold(TargetPlan plan, Hold hold);

  /**
   * Releases the target's hold.
   *
   * @return the hold that was released, or null when there was none
   */
  Hold releaseHold(TargetPlan plan);
}
