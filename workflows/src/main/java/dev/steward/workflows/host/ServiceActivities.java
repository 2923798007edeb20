package dev.steward.workflows.host;

import io.temporal.activity.ActivityInterface;

/** The running service, through its manager (a detached process, or systemd). */
@ActivityInterface
public interface ServiceActivities {

  /**
   * Stops the service (SIGTERM, then SIGKILL after a grace period, for a process), then starts it.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#SERVICE_FAILED}
   */
  void restartService(TargetPlan plan);

  /**
   * Stops the service; does nothing when it is not running.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link FailureTypes#SERVICE_FAILED}
   */
  void stopService(TargetPlan plan);

  /**
   * Polls the service until it has been running and passing every probe for {@code stableFor}
   * without a break, or until {@code timeout}. A service that exits, with any status, or whose
   * process changes during the window, is down. Heartbeats while it waits.
   */
  HealthReport verifyHealth(TargetPlan plan);

  /** Returns the last lines of the service's output (its log file, or the journal), for people. */
  String collectEvidence(TargetPlan plan);
}
