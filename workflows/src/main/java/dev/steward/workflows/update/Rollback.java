package dev.steward.workflows.update;

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
    ServiceActivities stopper = HostActivityStubs.service(plan, Summaries.stop(plan));
    steps.attempt("rollback-stop", () -> stopper.stopService(plan), "stopped");
    CodeActivities code = HostActivityStubs.code(plan, Summaries.rollBackCode(plan, revision));
    boolean codeBack =
        steps.attempt(
            "rollback-code",
            () -> code.resetCode(plan, revision),
            "at " + UpdateTexts.short7(revision));
    SnapshotActivities snapshots =
        HostActivityStubs.snapshots(plan, Summaries.restore(plan, snapshot));
    boolean dataBack =
        steps.attempt(
            "rollback-data",
            () -> snapshots.restoreSnapshot(plan, snapshot),
            "restored " + snapshot.file());
    ServiceActivities starter = HostActivityStubs.service(plan, Summaries.restart(plan));
    boolean started =
        steps.attempt("rollback-start", () -> starter.restartService(plan), "started");
    if (!started) {
      steps.skip("rollback-health", "service did not start");
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
    ServiceActivities service = HostActivityStubs.service(plan, Summaries.health(plan));
    try {
      return steps
          .check(
              "rollback-health",
              () -> service.verifyHealth(plan),
              HealthReport::message,
              HealthReport::healthy)
          .healthy();
    } catch (StepFailedException e) {
      return false;
    }
  }
}
