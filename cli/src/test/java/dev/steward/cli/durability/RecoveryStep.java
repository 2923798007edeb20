package dev.steward.cli.durability;

/**
 * A step of the recovery workflow (RecoveryWorkflowImpl, its ladder and the one Rollback) and the
 * activity call that performs it, with the kind of broken target a case needs to reach it.
 */
enum RecoveryStep implements PipelineStep {
  CONFIRM("confirm", "ProbeService", 1, Scenario.RESTART, 3),
  RESTART("restart", "RestartService", 1, Scenario.RESTART, 1),
  HEALTH("health", "VerifyHealth", 1, Scenario.RESTART, 1),
  PROVIDER("provider", "CheckProvider", 1, Scenario.ROLLBACK, 3),
  EVIDENCE("evidence", "GatherEvidence", 1, Scenario.ROLLBACK, 3),
  LAST_GOOD("last-good", "ReadGoodRelease", 1, Scenario.LAST_GOOD, 3),
  REVISION("revision", "ReadRevision", 1, Scenario.LAST_GOOD, 3),
  GOOD_CODE("good-code", "ResetCode", 1, Scenario.LAST_GOOD, 0),
  GOOD_RESTART("good-restart", "RestartService", 2, Scenario.LAST_GOOD, 0),
  // Counted after good-code, for the same reason as rollback-health below.
  GOOD_HEALTH("good-health", "VerifyHealth", 1, Scenario.LAST_GOOD, 0) {
    @Override
    public String at(String kind) {
      return kind + "@VerifyHealth#1/ResetCode";
    }
  },
  FIND_SNAPSHOT("find-snapshot", "FindNewestVerifiedSnapshot", 1, Scenario.ROLLBACK, 0),
  ROLLBACK_STOP("rollback-stop", "StopService", 1, Scenario.ROLLBACK, 0),
  PRE_RESTORE("pre-restore", "TakePreRestoreSnapshot", 1, Scenario.ROLLBACK, 0),
  ROLLBACK_CODE("rollback-code", "ResetCode", 1, Scenario.ROLLBACK, 0),
  ROLLBACK_DATA("rollback-data", "RestoreSnapshot", 1, Scenario.ROLLBACK, 0),
  ROLLBACK_START("rollback-start", "RestartService", 2, Scenario.ROLLBACK, 0),
  // Counted after the restore: the playbook's own health check before it runs only when the
  // broken release outlived the restart's start window, which depends on the machine's load.
  ROLLBACK_HEALTH("rollback-health", "VerifyHealth", 1, Scenario.ROLLBACK, 0) {
    @Override
    public String at(String kind) {
      return kind + "@VerifyHealth#1/RestoreSnapshot";
    }
  },
  /** After any healthy ending; the quickest to reach is a restart's. */
  GOOD_RELEASE("good-release", "MarkGoodRelease", 1, Scenario.RESTART, 3),
  HOLD("hold", "PutHold", 1, Scenario.ESCALATE, 3);

  /** How a recovery case's target is broken before its run. */
  enum Scenario {
    /** Stopped: a restart brings it back ({@code restarted}). */
    RESTART,
    /**
     * Checkout moved to a release that cannot start on corrupt data, a verified snapshot of the
     * good release, a status page saying the provider is fine: the restart fails at once, and only
     * the rollback to the snapshot (code and data) brings it back ({@code rolled_back}).
     */
    ROLLBACK,
    /**
     * A recorded last known good release (the release the target starts at), then the checkout
     * moved behind Steward's back to a release that exits as it starts, the data untouched and no
     * snapshot: only the first rung, the code back to the last known good with the data as it is,
     * brings it back ({@code rolled_back}, data exactly as before).
     */
    LAST_GOOD,
    /** Corrupt data and no snapshot: nothing saves it ({@code failed}, updates held). */
    ESCALATE
  }

  private final String label;
  private final String activity;
  private final int occurrence;
  final Scenario scenario;
  private final int startGroup;

  RecoveryStep(String label, String activity, int occurrence, Scenario scenario, int startGroup) {
    this.label = label;
    this.activity = activity;
    this.occurrence = occurrence;
    this.scenario = scenario;
    this.startGroup = startGroup;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public String activity() {
    return activity;
  }

  @Override
  public int occurrence() {
    return occurrence;
  }

  @Override
  public String pipeline() {
    return "recover";
  }

  /**
   * Heartbeating steps of the rollback path first, restart and health next, the quick steps last
   * with the update's: confirm is reached at once, provider, evidence and hold a few seconds in
   * (the restart of a target that cannot start fails at once, without retries).
   */
  @Override
  public int startGroup() {
    return startGroup;
  }
}
