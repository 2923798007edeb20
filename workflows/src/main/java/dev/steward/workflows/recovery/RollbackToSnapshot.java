package dev.steward.workflows.recovery;

import dev.steward.workflows.host.CodeActivities;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.ServiceActivities;
import dev.steward.workflows.host.SnapshotActivities;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.Summaries;
import dev.steward.workflows.host.TargetPlan;
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
    ServiceActivities stopper = HostActivityStubs.service(plan, Summaries.stop(plan));
    steps.attempt("rollback-stop", () -> stopper.stopService(plan), "stopped");
    boolean codeBack = true;
    if (snapshot.revision() == null) {
      steps.skip("rollback-code", "the snapshot records no revision");
    } else {
      String at = "at " + RecoveryWorkflowImpl.short7(snapshot.revision());
      CodeActivities code =
          HostActivityStubs.code(plan, Summaries.rollBackCode(plan, snapshot.revision()));
      codeBack =
          steps.attempt("rollback-code", () -> code.resetCode(plan, snapshot.revision()), at);
    }
    SnapshotActivities snapshots =
        HostActivityStubs.snapshots(plan, Summaries.restore(plan, snapshot));
    boolean dataBack =
        steps.attempt(
            "rollback-data",
            () -> snapshots.restoreSnapshot(plan, snapshot),
            "restored " + snapshot.file());
    ServiceActivities service = HostActivityStubs.service(plan, Summaries.restart(plan));
    if (!steps.attempt("rollback-start", () -> service.restartService(plan), "started")) {
      steps.skip("rollback-health", "service did not start");
      return false;
    }
    try {
      boolean healthy =
          steps
              .check(
                  "rollback-health",
                  () -> HostActivityStubs.service(plan, Summaries.health(plan)).verifyHealth(plan),
                  HealthReport::message,
                  HealthReport::healthy)
              .healthy();
      return healthy && codeBack && dataBack;
    } catch (StepFailedException e) {
      return false;
    }
  }
}
