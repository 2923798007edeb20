package dev.steward.workflows.recovery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.steward.workflows.pipeline.StepResult;
import java.util.List;

/**
 * How a recovery ended.
 *
 * @param target the target
 * @param outcome was healthy, restarted, rolled back, waiting for the provider, or failed
 * @param recoveredBy what brought it back ("restart", "rollback to …"), or null when nothing did
 * @param downSince when it was first seen down, ISO-8601 UTC, or null when it was healthy
 * @param secondsToRecover from {@code downSince} to healthy again, or null when it did not recover
 * @param evidence the service's last output and log tails, when it was collected
 * @param steps every step, in order
 * @param message one line on what happened, for people
 * @param workflowId the run's workflow id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecoveryResult(
    String target,
    RecoveryOutcome outcome,
    String recoveredBy,
    String downSince,
    Long secondsToRecover,
    String evidence,
    List<StepResult> steps,
    String message,
    String workflowId) {
  /** Whether the target ended healthy. */
  public boolean healthy() {
    return outcome == RecoveryOutcome.WAS_HEALTHY
        || outcome == RecoveryOutcome.RESTARTED
        || outcome == RecoveryOutcome.ROLLED_BACK;
  }
}
