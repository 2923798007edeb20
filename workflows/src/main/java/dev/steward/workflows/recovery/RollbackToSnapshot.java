package dev.steward.workflows.recovery;

import dev.steward.workflows.host.CodeActivities;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.ServiceActivities;
import dev.steward.workflows.host.SnapshotActivities;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.pipeline.Step;
import dev.steward.workflows.pipeline.StepFailedException;
import dev.steward.workflows.pipeline.StepLog;

/**
 * Recovery's rollback: the code back to the revision in the snapshot's manifest, the data back to
 * the snapshot, then restart and verify. Each step runs even when an earlier one failed, so as much
 * as possible is restored.
 */
final class RollbackToSnapshot {
  private final StepLog steps;
  private final TargetPlan plan;

  RollbackToSnapshot(StepLog steps, TargetPlan plan) {
    this.steps = steps;
    this.plan = plan;
  }

  /** Returns whether the service is healthy afterwards, with code and data both restored. */
  boolean run(SnapshotInfo snapshot) {
    ServiceActivities stopper = HostActivityStubs.service(plan, Step.ROLLBACK_STOP.summary(plan));
    steps.attempt(Step.ROLLBACK_STOP, () -> stopper.stopService(plan), "stopped");
    boolean codeBack = true;
    if (snapshot.revision() == null) {
      steps.skip(Step.ROLLBACK_CODE, "the snapshot records no revision");
    } else {
      String at = "at " + RecoveryWorkflowImpl.short7(snapshot.revision());
      CodeActivities code =
          HostActivityStubs.code(plan, Step.ROLLBACK_CODE.summary(plan, snapshot.revision()));
      codeBack =
          steps.attempt(Step.ROLLBACK_CODE, () -> code.resetCode(plan, snapshot.revision()), at);
    }
    SnapshotActivities snapshots =
        HostActivityStubs.snapshots(plan, Step.ROLLBACK_DATA.summary(plan, snapshot.file()));
    boolean dataBack =
        steps.attempt(
            Step.ROLLBACK_DATA,
            () -> snapshots.restoreSnapshot(plan, snapshot),
            "restored " + snapshot.file());
    ServiceActivities service = HostActivityStubs.service(plan, Step.ROLLBACK_START.summary(plan));
    if (!steps.attempt(Step.ROLLBACK_START, () -> service.restartService(plan), "started")) {
      steps.skip(Step.ROLLBACK_HEALTH, "service did not start");
      return false;
    }
    try {
      boolean healthy =
          steps
              .check(
                  Step.ROLLBACK_HEALTH,
                  () ->
                      HostActivityStubs.service(plan, Step.ROLLBACK_HEALTH.summary(plan))
                          .verifyHealth(plan),
                  HealthReport::message,
                  HealthReport::healthy)
              .healthy();
      return healthy && codeBack && dataBack;
    } catch (StepFailedException e) {
      return false;
    }
  }
}
