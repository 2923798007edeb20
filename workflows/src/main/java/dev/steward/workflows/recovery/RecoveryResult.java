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
 * @param preRestoreSnapshot the snapshot of the state as the recovery found it, taken before it
 *     restored data, or null when it restored none
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
    String workflowId,
    String preRestoreSnapshot) {
  /** A result of a run of {@code workflowId} on {@code target} that ended {@code outcome}. */
  public static Builder newBuilder(String target, RecoveryOutcome outcome, String workflowId) {
    return new Builder(target, outcome, workflowId);
  }

  /** Builds a {@link RecoveryResult} by name; what is not set is null. */
  public static final class Builder {
    private final String target;
    private final RecoveryOutcome outcome;
    private final String workflowId;
    private String recoveredBy;
    private String downSince;
    private Long secondsToRecover;
    private String evidence;
    private List<StepResult> steps = List.of();
    private String message;
    private String preRestoreSnapshot;

    private Builder(String target, RecoveryOutcome outcome, String workflowId) {
      this.target = target;
      this.outcome = outcome;
      this.workflowId = workflowId;
    }

    public Builder recoveredBy(String recoveredBy) {
      this.recoveredBy = recoveredBy;
      return this;
    }

    public Builder downSince(String downSince) {
      this.downSince = downSince;
      return this;
    }

    public Builder secondsToRecover(Long seconds) {
      this.secondsToRecover = seconds;
      return this;
    }

    public Builder evidence(String evidence) {
      this.evidence = evidence;
      return this;
    }

    public Builder steps(List<StepResult> steps) {
      this.steps = steps;
      return this;
    }

    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /** The snapshot of the state as a restore found it, when one was kept. */
    public Builder preRestoreSnapshot(String file) {
      this.preRestoreSnapshot = file;
      return this;
    }

    public RecoveryResult build() {
      return new RecoveryResult(
          target,
          outcome,
          recoveredBy,
          downSince,
          secondsToRecover,
          evidence,
          steps,
          message,
          workflowId,
          preRestoreSnapshot);
    }
  }

  /** Whether the target ended healthy. */
  public boolean healthy() {
    return outcome == RecoveryOutcome.WAS_HEALTHY
        || outcome == RecoveryOutcome.RESTARTED
        || outcome == RecoveryOutcome.ROLLED_BACK;
  }
}
