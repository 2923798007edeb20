package dev.steward.workflows.fakes;

import dev.steward.workflows.host.SnapshotActivities;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.SnapshotListing;
import dev.steward.workflows.host.TargetPlan;
import java.util.List;

/** Snapshots that are taken, restored and found, unless the test says otherwise. */
public final class FakeSnapshots implements SnapshotActivities {
  private final Calls calls;
  public final Answers<SnapshotInfo> take = new Answers<>(TestPlans.SNAPSHOT);
  public final Answers<Void> restore = new Answers<>(null);
  public final Answers<List<String>> prune = new Answers<>(List.of());
  public final Answers<SnapshotInfo> newest = new Answers<>(TestPlans.SNAPSHOT);
  public final Answers<SnapshotInfo> preRestore = new Answers<>(TestPlans.PRE_RESTORE);
  public final Answers<SnapshotInfo> named = new Answers<>(TestPlans.SNAPSHOT);

  FakeSnapshots(Calls calls) {
    this.calls = calls;
  }

  @Override
  public SnapshotInfo takeSnapshot(TargetPlan plan, String key, String revision) {
    calls.record("takeSnapshot");
    return take.next();
  }

  @Override
  public SnapshotInfo takePreRestoreSnapshot(TargetPlan plan, String key) {
    calls.record("takePreRestoreSnapshot");
    return preRestore.next();
  }

  @Override
  public void restoreSnapshot(TargetPlan plan, SnapshotInfo snapshot) {
    calls.record("restoreSnapshot");
    restore.next();
  }

  @Override
  public List<String> pruneSnapshots(TargetPlan plan, String keepFile) {
    calls.record("pruneSnapshots");
    return prune.next();
  }

  @Override
  public SnapshotInfo findNewestVerifiedSnapshot(TargetPlan plan) {
    calls.record("findNewestVerifiedSnapshot");
    return newest.next();
  }

  @Override
  public SnapshotInfo findSnapshot(TargetPlan plan, String name) {
    calls.record("findSnapshot");
    return named.next();
  }

  @Override
  public List<SnapshotListing> listSnapshots(TargetPlan plan) {
    calls.record("listSnapshots");
    return List.of();
  }
}
