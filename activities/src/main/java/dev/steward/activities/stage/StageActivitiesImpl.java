package dev.steward.activities.stage;

import dev.steward.workflows.host.CodeActivities;
import dev.steward.workflows.host.DiskActivities;
import dev.steward.workflows.host.DiskReport;
import dev.steward.workflows.host.FinishRequest;
import dev.steward.workflows.host.GoodRelease;
import dev.steward.workflows.host.RunStatus;
import dev.steward.workflows.host.SnapshotActivities;
import dev.steward.workflows.host.StageActivities;
import dev.steward.workflows.host.StageReport;
import dev.steward.workflows.host.StatusActivities;
import dev.steward.workflows.host.TargetPlan;
import java.util.List;

/**
 * The quick host steps of a stage in one activity, each done by the same implementation that does
 * it as its own activity; only the round trips between them are saved.
 */
public class StageActivitiesImpl implements StageActivities {
  private final DiskActivities disk;
  private final CodeActivities code;
  private final SnapshotActivities snapshots;
  private final StatusActivities status;

  public StageActivitiesImpl(
      DiskActivities disk,
      CodeActivities code,
      SnapshotActivities snapshots,
      StatusActivities status) {
    this.disk = disk;
    this.code = code;
    this.snapshots = snapshots;
    this.status = status;
  }

  @Override
  public StageReport checkDiskAndReadRevision(TargetPlan plan) {
    Stage stage = new Stage();
    DiskReport report = stage.run("DISK", () -> disk.checkDisk(plan));
    String revision = stage.failed() ? null : stage.run("REVISION", () -> code.readRevision(plan));
    return stage.report(new StageReport(stage.parts(), report, revision, null, null));
  }

  @Override
  public StageReport finishUpdate(TargetPlan plan, FinishRequest request) {
    Stage stage = new Stage();
    RunStatus line = request.status();
    String revision = line.postRevision();
    if (request.readRevision()) {
      revision = readRevisionQuietly(plan);
      line =
          new RunStatus(
              line.status(),
              line.timestamp(),
              line.preRevision(),
              revision,
              line.outcome(),
              line.workflowId(),
              line.snapshot(),
              line.message());
    }
    List<String> pruned =
        request.pruneKeeping() == null
            ? null
            : stage.run("PRUNE", () -> snapshots.pruneSnapshots(plan, request.pruneKeeping()));
    GoodRelease good =
        request.markGood()
            ? stage.run(
                "MARK_GOOD", () -> status.markGoodRelease(plan, request.status().workflowId()))
            : null;
    RunStatus written = line;
    stage.run(
        "STATUS",
        () -> {
          status.writeStatus(plan, written);
          return null;
        });
    return stage.report(new StageReport(stage.parts(), null, revision, pruned, good));
  }

  /** As the workflow read it before: a revision that cannot be read is not a failure. */
  private String readRevisionQuietly(TargetPlan plan) {
    try {
      return code.readRevision(plan);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
