package dev.steward.workflows.pipeline;

import io.temporal.workflow.SignalMethod;

/**
 * The signal by which a health wait (one long activity, whose heartbeats the workflow cannot see)
 * tells its own run how far it is, so that the web UI's current details read "10/12 verifying
 * health: 4 s of 10 s stable". Sent at most every two seconds and only on change, to keep the
 * history small. The update and recovery workflows accept it; it only changes what people see.
 */
public interface HealthProgressSignal {
  /** The signal's name, for senders that do not know which workflow type they signal. */
  String NAME = "healthProgress";

  /** Shows {@code progress} while a health step runs; ignored at any other time. */
  @SignalMethod(name = NAME)
  void healthProgress(HealthProgress progress);
}
