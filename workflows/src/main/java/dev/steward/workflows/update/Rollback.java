package dev.steward.workflows.update;

import dev.steward.workflows.host.CodeActivities;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.ServiceActivities;
import dev.steward.workflows.host.SnapshotActivities;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.pipeline.StepFailedException;
import dev.steward.workflows.pipeline.StepLog;

/**
 * The update pipeline's compensation: stop, code back to the recorded revision, data back from the
 * snapshot, start, verify. Each step runs even when an earlier one failed, so as much as possible
 * is restored. Workflow code: it only calls activities through the given stubs.
 */
final class Rollback {
  private final StepLog steps;
  private final TargetPlan plan;
  private final CodeActivities code;
  private final SnapshotActivities snapshots;
  private final ServiceActivities service;
  private boolean serviceHealthy;

  Rollback(
      StepLog steps,
      TargetPlan plan,
      CodeActivities code,
      SnapshotActivities snapshots,
      ServiceActivities service) {
    this.steps = steps;
    this.plan = plan;
    this.code = code;
    this.snapshots = snapshots;
    this.service = service;
  }

  /**
   * Restores {@code revision} and {@code snapshot}; true when code and data are back and the
   * service is healthy again.
   */
  boolean restore(String revision, SnapshotInfo snapshot) {
    tryStep("rollback-stop", () -> service.stopService(plan), "stopped");
    boolean codeBack =
        tryStep(
            "rollback-code",
            () -> code.resetCode(plan, revision),
            "at " + UpdateTexts.short7(revision));
    boolean dataBack =
        tryStep(
            "rollback-data",
            () -> snapshots.restoreSnapshot(plan, snapshot),
            "restored " + snapshot.file());
    boolean started = tryStep("rollback-start", () -> service.restartService(plan), "started");
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

  private boolean tryStep(String name, Runnable action, String message) {
    try {
      steps.run(name, action, message);
      return true;
    } catch (StepFailedException e) {
      return false;
    }
  }
}
