package dev.steward.workflows.update;

/**
 * How the update pipeline ended, before the status file and the result are written.
 *
 * @param rolledBack whether a rollback ran (its health decides between rolled back and failed)
 */
record UpdateEnding(UpdateOutcome outcome, String message, boolean rolledBack) {
  static UpdateEnding of(UpdateOutcome outcome, String message) {
    return new UpdateEnding(outcome, message, false);
  }

  static UpdateEnding failed(String message) {
    return new UpdateEnding(UpdateOutcome.FAILED, message, false);
  }

  static UpdateEnding rolledBack(UpdateOutcome outcome, String message) {
    return new UpdateEnding(outcome, message, true);
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
