package dev.steward.cli.durability;

/**
 * A step of the update pipeline and the activity call that performs it: the N-th call of an
 * activity type in a run (a restart and the rollback's start are both {@code RestartService}).
 */
enum Step implements PipelineStep {
  PLAN("plan", "ResolvePlan", 1),
  LOCK("lock", "AcquireLock", 1),
  HOLD("hold", "ReadHold", 1),
  /** The look before the snapshot: fetch and resolve the wanted revision, verify the patches. */
  CHECK("check", "CheckForUpdate", 1),
  /** The disk check and the revision: one activity since the update's host stages. */
  DISK("disk", "CheckDiskAndReadRevision", 1),
  SNAPSHOT("snapshot", "TakeSnapshot", 1),
  UPDATE("update", "UpdateCode", 1),
  PATCHES("patches", "ApplyPatches", 1),
  RESTART("restart", "RestartService", 1),
  HEALTH("health", "VerifyHealth", 1),
  /** Prune, good-release and status: one activity since the update's host stages. */
  FINISH("finish", "FinishUpdate", 1),
  ROLLBACK_STOP("rollback-stop", "StopService", 1),
  PRE_RESTORE("pre-restore", "TakePreRestoreSnapshot", 1),
  ROLLBACK_CODE("rollback-code", "ResetCode", 1),
  ROLLBACK_DATA("rollback-data", "RestoreSnapshot", 1),
  ROLLBACK_START("rollback-start", "RestartService", 2),
  ROLLBACK_HEALTH("rollback-health", "VerifyHealth", 2);

  final String label;
  final String activity;
  final int occurrence;

  Step(String label, String activity, int occurrence) {
    this.label = label;
    this.activity = activity;
    this.occurrence = occurrence;
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
    return "update";
  }

  /**
   * Whether the step runs only in a rollback (rollback-stop and the steps after it): the case then
   * publishes a never-healthy release.
   */
  boolean inRollback() {
    return ordinal() >= ROLLBACK_STOP.ordinal();
  }

  /** Rollbacks first (they wait for a health check to fail), the quick first steps last. */
  @Override
  public int startGroup() {
    if (inRollback()) {
      return 0;
    }
    if (ordinal() >= UPDATE.ordinal() && ordinal() <= HEALTH.ordinal()) {
      return 1;
    }
    return ordinal() >= FINISH.ordinal() ? 2 : 3;
  }
}
