package dev.steward.workflows.host;

import io.temporal.activity.ActivityInterface;

/**
 * Quick host steps of one pipeline stage in one activity: one round trip through Temporal instead
 * of one per step. Each step is still recorded on its own (see {@link StageReport}). When a step
 * fails, the call fails with that step's type and retryability and the {@link StageReport} as its
 * details; a retry runs the stage again, every step of it being idempotent.
 */
@ActivityInterface
public interface StageActivities {

  /**
   * The disk check, then the checkout's revision (not read when the disk check fails), as {@link
   * DiskActivities#checkDisk} and {@link CodeActivities#readRevision}.
   */
  StageReport checkDiskAndReadRevision(TargetPlan plan);

  /**
   * The update's last host steps, each run even when an earlier one failed: read the revision the
   * run leaves (never a failure: null when unreadable), prune snapshots, mark the good release,
   * write the status file; as {@link SnapshotActivities#pruneSnapshots}, {@link
   * StatusActivities#markGoodRelease} and {@link StatusActivities#writeStatus}.
   */
  StageReport finishUpdate(TargetPlan plan, FinishRequest request);
}
