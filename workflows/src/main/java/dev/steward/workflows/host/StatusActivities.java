package dev.steward.workflows.host;

import io.temporal.activity.ActivityInterface;

/** The status file that the field guide's monitoring reads. */
@ActivityInterface
public interface StatusActivities {

  /** Writes {@code <state>/.auto-update-status.json} atomically. */
  void writeStatus(TargetPlan plan, RunStatus status);
}
