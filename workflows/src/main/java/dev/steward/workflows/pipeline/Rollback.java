package dev.steward.workflows.pipeline;

import static dev.steward.workflows.host.Revisions.short7;

import dev.steward.workflows.host.CodeActivities;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.ServiceActivities;
import dev.steward.workflows.host.SnapshotActivities;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.TargetPlan;

/**
 * The one rollback, of the update pipeline and of recovery: stop, code back to a revision, data
 * back from a snapshot, start, verify. Each step runs even when an earlier one failed, so as much
 * as possible is restored. Workflow code: it only calls activities, through {@link
 * HostActivityStubs}.
 */
public final class Rollback {
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
    boolean codeBack = codeBack(revision);
    SnapshotActivities snapshots =
        HostActivityStubs.snapshots(plan, Step.ROLLBACK_DATA.summary(plan, snapshot.file()));
    boolean dataBack =
        steps.attempt(
            Step.ROLLBACK_DATA,
            () -> snapshots.restoreSnapshot(plan, snapshot),
            "restored " + snapshot.file());
    ServiceActivities starter = HostActivityStubs.service(plan, Step.ROLLBACK_START.summary(plan));
    boolean started =
        steps.attempt(Step.ROLLBACK_START, () -> starter.restartService(plan), "started");
    if (!started) {
      steps.skip(Step.ROLLBACK_HEALTH, "service did not start");
      return new RollbackResult(codeBack, dataBack, false, false);
    }
    return new RollbackResult(codeBack, dataBack, true, healthy());
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
