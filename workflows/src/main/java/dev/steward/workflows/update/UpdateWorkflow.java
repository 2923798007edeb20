package dev.steward.workflows.update;

import dev.steward.workflows.pipeline.HealthProgressSignal;
import dev.steward.workflows.pipeline.StepResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * A target's update pipeline: disk check, snapshot, update, patches, restart, health, prune,
 * status; any failure after the snapshot rolls code and data back. One run per target at a time.
 */
@WorkflowInterface
public interface UpdateWorkflow extends HealthProgressSignal {

  /** Runs the pipeline and returns its outcome; it fails only when the pipeline could not start. */
  @WorkflowMethod
  UpdateResult update(UpdateRequest request);

  /** The steps so far, the running one last with status {@code running}. */
  @QueryMethod
  List<StepResult> progress();

  /**
   * Answers a run that waits for approval before its restart: approved goes on, rejected rolls
   * back.
   *
   * @return what the run does next, for people
   */
  @UpdateMethod
  String decide(ApprovalDecision decision);

  /** Refuses an answer the run is not waiting for: too early, too late, or a second one. */
  @UpdateValidatorMethod(updateName = "decide")
  void validateDecision(ApprovalDecision decision);
}
