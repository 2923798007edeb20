package dev.steward.workflows.update;

/**
 * How the update pipeline ended, before the status file and the result are written.
 *
 * @param rolledBack whether a rollback ran (its health decides between rolled back and failed)
 * @param preRestoreSnapshot the rollback's copy of the state as the failed release left it, or null
 */
record UpdateEnding(
    UpdateOutcome outcome, String message, boolean rolledBack, String preRestoreSnapshot) {
  static UpdateEnding of(UpdateOutcome outcome, String message) {
    return new UpdateEnding(outcome, message, false, null);
  }

  static UpdateEnding failed(String message) {
    return new UpdateEnding(UpdateOutcome.FAILED, message, false, null);
  }

  static UpdateEnding rolledBack(UpdateOutcome outcome, String message, String preRestoreSnapshot) {
    return new UpdateEnding(outcome, message, true, preRestoreSnapshot);
  }

  /** Ended with the service verified healthy: its revision is the last known good release. */
  boolean verifiedHealthy() {
    return outcome == UpdateOutcome.UPDATED || outcome == UpdateOutcome.ROLLED_BACK;
  }

  /** A rollback that left the service unhealthy: updates go on hold. */
  boolean leftItBroken() {
    return outcome == UpdateOutcome.FAILED && rolledBack;
  }

  /** The field guide's status word: success, rollback or failed. */
  String statusWord() {
    return switch (outcome) {
      case UPDATED, UNCHANGED -> "success";
      case ROLLED_BACK -> "rollback";
      default -> "failed";
    };
  }
}
