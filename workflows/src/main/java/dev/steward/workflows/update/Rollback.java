package dev.steward.workflows.update;

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
 * The update pipeline's compensation: stop, code back to the recorded revision, data back from the
 * snapshot, start, verify. Each step runs even when an earlier one failed, so as much as possible
 * is restored. Workflow code: it only calls activities, through {@link HostActivityStubs}.
 */
final class Rollback {
  private final StepLog steps;
  private final TargetPlan plan;
  private boolean serviceHealthy;

  Rollback(StepLog steps, TargetPlan plan) {
    this.steps = steps;
    this.plan = plan;
  }

  /**
   * Restores {@code revision} and {@code snapshot}; true when code and data are back and the
   * service is healthy again.
   */
  boolean restore(String revision, SnapshotInfo snapshot) {
    ServiceActivities stopper = HostActivityStubs.service(plan, Step.ROLLBACK_STOP.summary(plan));
    steps.attempt(Step.ROLLBACK_STOP, () -> stopper.stopService(plan), "stopped");
    CodeActivities code = HostActivityStubs.code(plan, Step.ROLLBACK_CODE.summary(plan, revision));
    boolean codeBack =
        steps.attempt(
            Step.ROLLBACK_CODE,
            () -> code.resetCode(plan, revision),
            "at " + UpdateTexts.short7(revision));
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
      return false;
    }
    serviceHealthy = healthy();
    return codeBack && dataBack && serviceHealthy;
  }

  /** Whether the service started and stayed healthy after the rollback. */
  boolean serviceHealthy() {
    return serviceHealthy;
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
