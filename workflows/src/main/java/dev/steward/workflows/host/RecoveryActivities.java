package dev.steward.workflows.host;

import io.temporal.activity.ActivityInterface;

/** What the recovery playbook and the monitor need beyond the update pipeline's activities. */
@ActivityInterface
public interface RecoveryActivities {

  /** Probes the service once, right now: running, and passing every configured probe. */
  HealthReport probeService(TargetPlan plan);

  /**
   * Reads the model provider's Statuspage {@code status.json}. A page that cannot be read gives
   * indicator {@code unknown}, never a failure: it must not stop a recovery.
   */
  ProviderStatus checkProvider(TargetPlan plan);

  /** The last lines of the service's output and of each configured log file, for people. */
  String gatherEvidence(TargetPlan plan);
}
