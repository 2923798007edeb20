package dev.steward.cli;

import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.update.UpdateResult;

/** Steward's exit codes: a contract with scripts, listed in {@code steward --help}. */
final class ExitCodes {
  static final int OK = 0;
  static final int ERROR = 1;
  static final int USAGE = 2;
  static final int ROLLED_BACK = 3;
  static final int UNHEALTHY = 4;
  static final int UNREACHABLE = 5;
  static final int HELD = 6;
  static final int FINDINGS = 7;

  private ExitCodes() {}

  /** The exit code of an update run. */
  static int of(UpdateResult result) {
    return switch (result.outcome()) {
      case UPDATED, UNCHANGED, SKIPPED -> OK;
      case ROLLED_BACK -> ROLLED_BACK;
      case HELD -> HELD;
      default -> result.rolledBack() ? UNHEALTHY : ERROR;
    };
  }

  /** The exit code of a recovery: 0 when the target ends healthy, 4 when it does not. */
  static int of(RecoveryResult result) {
    return result.healthy() ? OK : UNHEALTHY;
  }
}
