package dev.steward.workflows.update;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.steward.workflows.pipeline.StepResult;
import java.util.List;

/**
 * How an update run ended.
 *
 * @param target the target
 * @param outcome updated, unchanged, rolled back, failed, held (the target is on hold), or skipped
 *     (started outside the maintenance window, told not to wait)
 * @param fromRevision the revision before the run
 * @param toRevision the revision the run left the checkout at
 * @param snapshot the snapshot the run took, or null when it stopped before one
 * @param workflowId the run's workflow id
 * @param steps every step, in order
 * @param message one line on what happened, for people
 * @param rolledBack whether a rollback ran (its health decides between {@code rolled_back} and
 *     {@code failed})
 * @param evidence the service's last output lines when health failed, else null
 * @param preRestoreSnapshot the snapshot of the state as the failed release left it, taken before
 *     the rollback restored the data, or null when no rollback kept one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateResult(
    String target,
    UpdateOutcome outcome,
    String fromRevision,
    String toRevision,
    String snapshot,
    String workflowId,
    List<StepResult> steps,
    String message,
    boolean rolledBack,
    String evidence,
    String preRestoreSnapshot) {

  /** A result of a run of {@code workflowId} on {@code target} that ended {@code outcome}. */
  public static Builder newBuilder(String target, UpdateOutcome outcome, String workflowId) {
    return new Builder(target, outcome, workflowId);
  }

  /** Builds an {@link UpdateResult} by name; what is not set is null (false for rolledBack). */
  public static final class Builder {
    private final String target;
    private final UpdateOutcome outcome;
    private final String workflowId;
    private String fromRevision;
    private String toRevision;
    private String snapshot;
    private List<StepResult> steps = List.of();
    private String message;
    private boolean rolledBack;
    private String evidence;
    private String preRestoreSnapshot;

    private Builder(String target, UpdateOutcome outcome, String workflowId) {
      this.target = target;
      this.outcome = outcome;
      this.workflowId = workflowId;
    }

    public Builder revisions(String from, String to) {
      this.fromRevision = from;
      this.toRevision = to;
      return this;
    }

    public Builder snapshot(String snapshot) {
      this.snapshot = snapshot;
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

    public Builder rolledBack(boolean rolledBack) {
      this.rolledBack = rolledBack;
      return this;
    }

    public Builder evidence(String evidence) {
      this.evidence = evidence;
      return this;
    }

    /** The snapshot of the state as a restore found it, when one was kept. */
    public Builder preRestoreSnapshot(String file) {
      this.preRestoreSnapshot = file;
      return this;
    }

    public UpdateResult build() {
      return new UpdateResult(
          target,
          outcome,
          fromRevision,
          toRevision,
          snapshot,
          workflowId,
          steps,
          message,
          rolledBack,
          evidence,
          preRestoreSnapshot);
    }
  }
}
