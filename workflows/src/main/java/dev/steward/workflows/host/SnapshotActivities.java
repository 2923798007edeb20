package dev.steward.workflows.host;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Snapshots of a target's state directory. */
@ActivityInterface
public interface SnapshotActivities {

  /**
   * Writes a snapshot of the state directory (the built-in archive, or the export command), then
   * verifies it is readable and records its checksum and the revision in a manifest beside it. A
   * snapshot that already exists for {@code key} and verifies is returned instead of a new one.
   *
   * @param key {@code workflowId/step}
   * @param revision the checkout's revision, recorded in the manifest
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#SNAPSHOT_FAILED}
   */
  SnapshotInfo takeSnapshot(TargetPlan plan, String key, String revision);

  /**
   * Like {@link #takeSnapshot}, of kind {@code pre-restore}: the state as it is just before a
   * restore replaces it, so the restore destroys no only copy. The run that made it never prunes it
   * ({@link #pruneSnapshots} keeps every snapshot of the running workflow); later runs prune it by
   * count like the others. The manifest records the checkout's revision as the host reads it then
   * (none when it has none).
   *
   * @param key {@code workflowId/step}
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#SNAPSHOT_FAILED}
   */
  SnapshotInfo takePreRestoreSnapshot(TargetPlan plan, String key);

  /**
   * Makes the state directory what the snapshot recorded: with the built-in archive, files created
   * since are removed; the snapshot directory, Steward's own files and excluded paths are left
   * alone. With an import command, runs it. Idempotent.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#SNAPSHOT_FAILED}
   *     when the snapshot is missing, does not match its checksum, or the import fails
   */
  void restoreSnapshot(TargetPlan plan, SnapshotInfo snapshot);

  /**
   * Deletes the oldest snapshots beyond {@code keep}, never the one named by {@code keepFile} and
   * never one the running workflow made.
   *
   * @return the files deleted
   */
  List<String> pruneSnapshots(TargetPlan plan, String keepFile);

  /**
   * Finds the newest complete snapshot of the target that still verifies (exists, matches its
   * checksum, reads back), for a recovery's rollback. Its {@code revision} is the code it belongs
   * with.
   *
   * @return the snapshot, or null when none verifies
   */
  SnapshotInfo findNewestVerifiedSnapshot(TargetPlan plan);

  /**
   * The target's snapshot named {@code name} (a file name in its snapshot directory, as {@code
   * steward snapshots} lists it), verified, for a manual restore.
   *
   * @throws io.temporal.failure.ApplicationFailure non-retryable, of type {@link
   *     FailureTypes#SNAPSHOT_FAILED}, when there is no such snapshot or it does not verify
   */
  SnapshotInfo findSnapshot(TargetPlan plan, String name);

  /** Every snapshot of the target, newest first, each checked. */
  List<SnapshotListing> listSnapshots(TargetPlan plan);
}
