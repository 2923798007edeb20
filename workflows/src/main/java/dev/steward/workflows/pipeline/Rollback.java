package dev.steward.workflows.pipeline;

import static dev.steward.workflows.host.Revisions.short7;

import dev.steward.workflows.host.CodeActivities;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.ServiceActivities;
import dev.steward.workflows.host.SnapshotActivities;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.workflow.Workflow;

/**
 * The one rollback, of the update pipeline, recovery and a manual restore: stop, keep a copy of the
 * state as it is (a {@code pre-restore} snapshot), code back to a revision, data back from a
 * snapshot, start, verify. Each step runs even when an earlier one failed, so as much as possible
 * is restored, with one exception: without its pre-restore copy the data is not restored, since
 * that would destroy the only copy of whatever the service wrote since the snapshot. Workflow code:
 * it only calls activities, through {@link HostActivityStubs}.
 */
public final class Rollback {
  /** Since this change a rollback keeps a pre-restore snapshot; older runs replay without one. */
  private static final String PRE_RESTORE = "pre-restore-snapshot";

  private final StepLog steps;
  private final TargetPlan plan;

  public Rollback(StepLog steps, TargetPlan plan) {
    this.steps = steps;
    this.plan = plan;
  }

  /**
   * Puts the code back to {@code revision} (skipped when it is null: the snapshot records none) and
   * the data back from {@code snapshot}, then restarts and verifies the service.
   */
  public RollbackResult restore(String revision, SnapshotInfo snapshot) {
    ServiceActivities stopper = HostActivityStubs.service(plan, Step.ROLLBACK_STOP.summary(plan));
    steps.attempt(Step.ROLLBACK_STOP, () -> stopper.stopService(plan), "stopped");
    boolean keepsCopy = Workflow.getVersion(PRE_RESTORE, Workflow.DEFAULT_VERSION, 1) >= 1;
    SnapshotInfo preRestore = keepsCopy ? preRestoreSnapshot() : null;
    boolean codeBack = codeBack(revision);
    boolean dataBack = keepsCopy && preRestore == null ? keepData() : dataBack(snapshot);
    ServiceActivities starter = HostActivityStubs.service(plan, Step.ROLLBACK_START.summary(plan));
    boolean started =
        steps.attempt(Step.ROLLBACK_START, () -> starter.restartService(plan), "started");
    if (!started) {
      steps.skip(Step.ROLLBACK_HEALTH, "service did not start");
      return new RollbackResult(codeBack, dataBack, false, false, preRestore);
    }
    return new RollbackResult(codeBack, dataBack, true, healthy(), preRestore);
  }

  /** The state as the restore finds it, or null when it could not be kept. */
  private SnapshotInfo preRestoreSnapshot() {
    String key = Workflow.getInfo().getWorkflowId() + "/" + Step.ROLLBACK_PRE_RESTORE.wire();
    SnapshotActivities snapshots =
        HostActivityStubs.snapshots(plan, Step.ROLLBACK_PRE_RESTORE.summary(plan));
    try {
      return steps.run(
          Step.ROLLBACK_PRE_RESTORE,
          () -> snapshots.takePreRestoreSnapshot(plan, key),
          s -> "kept " + s.file());
    } catch (StepFailedException e) {
      return null;
    }
  }

  private boolean keepData() {
    steps.skip(
        Step.ROLLBACK_DATA,
        "not restored: without a copy of the state as it is, a restore would destroy it");
    return false;
  }

  private boolean dataBack(SnapshotInfo snapshot) {
    SnapshotActivities snapshots =
        HostActivityStubs.snapshots(plan, Step.ROLLBACK_DATA.summary(plan, snapshot.file()));
    return steps.attempt(
        Step.ROLLBACK_DATA,
        () -> snapshots.restoreSnapshot(plan, snapshot),
        "restored " + snapshot.file());
  }

  private boolean codeBack(String revision) {
    if (revision == null) {
      steps.skip(Step.ROLLBACK_CODE, "the snapshot records no revision");
      return true;
    }
    CodeActivities code = HostActivityStubs.code(plan, Step.ROLLBACK_CODE.summary(plan, revision));
    return steps.attempt(
        Step.ROLLBACK_CODE, () -> code.resetCode(plan, revision), "at " + short7(revision));
  }

  private boolean healthy() {
    ServiceActivities service = HostActivityStubs.service(plan, Step.ROLLBACK_HEALTH.summary(plan));
    try {
      return steps
          .check(
              Step.ROLLBACK_HEALTH,
              () -> service.verifyHealth(plan),
              HealthReport::message,
              HealthReport::healthy)
          .healthy();
    } catch (StepFailedException e) {
      return false;
    }
  }
}
