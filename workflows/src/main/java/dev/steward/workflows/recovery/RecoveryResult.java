package dev.steward.workflows.recovery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.steward.workflows.update.StepResult;
import java.util.List;

/**
 * How a recovery ended.
 *
 * @param target the target
 * @param outcome {@code was_healthy}, {@code restarted}, {@code rolled_back}, {@code
 *     waiting_for_provider} or {@code failed}
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
    String outcome,
    String recoveredBy,
    String downSince,
    Long secondsToRecover,
    String evidence,
    List<StepResult> steps,
    String message,
    String workflowId) {
  public static final String WAS_HEALTHY = "was_healthy";
  public static final String RESTARTED = "restarted";
  public static final String ROLLED_BACK = "rolled_back";
  public static final String WAITING_FOR_PROVIDER = "waiting_for_provider";
  public static final String FAILED = "failed";

  /** Whether the target ended healthy. */
  public boolean healthy() {
    return WAS_HEALTHY.equals(outcome) || RESTARTED.equals(outcome) || ROLLED_BACK.equals(outcome);
  }
}
