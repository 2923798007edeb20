package dev.steward.workflows.pipeline;

import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;

/**
 * The one line a failure says to a person: the activity's or child workflow's own message, not the
 * SDK's wrapper around it ("Activity task failed", "Child Workflow execution failed"). Results,
 * step logs and notifications all take it from here, so one failure reads the same everywhere.
 */
public final class FailureReason {
  private FailureReason() {}

  public static String of(Throwable failure) {
    Throwable cause = failure;
    while (true) {
      if (cause instanceof ApplicationFailure application) {
        return application.getOriginalMessage();
      }
      if (cause instanceof TimeoutFailure timeout) {
        // TIMEOUT_TYPE_SCHEDULE_TO_START reads "timed out (schedule-to-start)".
        String type = timeout.getTimeoutType().name().replaceFirst("^TIMEOUT_TYPE_", "");
        return "timed out (" + type.toLowerCase().replace('_', '-') + ")";
      }
      if (cause.getCause() == null) {
        return cause instanceof TemporalFailure temporal
            ? temporal.getOriginalMessage()
            : String.valueOf(cause.getMessage());
      }
      cause = cause.getCause();
    }
  }
}
