package dev.steward.activities.code;

import dev.steward.activities.process.CommandResult;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.failure.ApplicationFailure;

/** The permanent failures of code steps: a one-line message, the output's tail as details. */
final class CodeFailures {
  static final int TAIL_LINES = 20;

  private static final int MAX_LINE = 200;

  private CodeFailures() {}

  /** A command that exited non-zero or timed out: what it was for, how it ended, its last line. */
  static ApplicationFailure commandFailed(String purpose, CommandResult result) {
    return failure(FailureTypes.COMMAND_FAILED, purpose + " " + result.describe(), result);
  }

  /** A git command that failed. */
  static ApplicationFailure gitFailed(CommandResult result) {
    return failure(FailureTypes.GIT_FAILED, result.describe(), result);
  }

  /** A patch whose verification did not pass. */
  static ApplicationFailure patchFailed(String message, String output) {
    return ApplicationFailure.newNonRetryableFailure(
        message, FailureTypes.PATCH_FAILED, output == null ? "" : output);
  }

  /** A commit that is not on the target's configured remote ref: the host moves to none such. */
  static ApplicationFailure notOnRef(TargetPlan plan, String revision) {
    return refused(
        "target "
            + plan.target()
            + ": revision "
            + revision
            + " is not on "
            + plan.update().gitRemote()
            + " "
            + plan.update().gitRef()
            + " (the update.git ref in this host's steward.yaml); refused");
  }

  /** An input the host will not act on: nothing was changed. */
  static ApplicationFailure refused(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FailureTypes.PLAN_REFUSED);
  }

  private static ApplicationFailure failure(String type, String what, CommandResult result) {
    String last = result.tail(1).strip();
    if (last.length() > MAX_LINE) {
      last = last.substring(0, MAX_LINE) + "…";
    }
    String message = last.isEmpty() ? what : what + ": " + last;
    return ApplicationFailure.newNonRetryableFailure(message, type, result.tail(TAIL_LINES));
  }
}
