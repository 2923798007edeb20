package dev.steward.activities.service;

import dev.steward.workflows.host.FailureTypes;
import io.temporal.failure.ApplicationFailure;

/** The permanent failures of service management. */
final class ServiceFailures {
  private ServiceFailures() {}

  /** A {@link FailureTypes#SERVICE_FAILED} failure; {@code evidence} rides along as details. */
  static ApplicationFailure serviceFailed(String message, Object... evidence) {
    return ApplicationFailure.newNonRetryableFailure(
        message.replace('\n', ' '), FailureTypes.SERVICE_FAILED, evidence);
  }

  /** A {@link FailureTypes#CONFIG_INVALID} failure: the plan cannot describe a service. */
  static ApplicationFailure configInvalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FailureTypes.CONFIG_INVALID);
  }
}
