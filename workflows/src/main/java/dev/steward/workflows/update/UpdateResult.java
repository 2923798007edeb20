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
    String evidence) {}
