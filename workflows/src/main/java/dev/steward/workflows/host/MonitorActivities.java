package dev.steward.workflows.host;

import io.temporal.activity.ActivityInterface;

/** The monitor's measurements and its dead man's switch. */
@ActivityInterface
public interface MonitorActivities {

  /** Measures the five metrics once and judges each against the plan's thresholds. */
  Measurement measure(TargetPlan plan);

  /**
   * Pings the heartbeat URL, or its {@code /fail} variant when the target is not healthy. Does
   * nothing when no heartbeat is configured.
   */
  void pingHeartbeat(TargetPlan plan, boolean healthy);
}
