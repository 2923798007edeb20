package dev.steward.workflows.update;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * A target's update pipeline: disk check, snapshot, update, patches, restart, health, prune,
 * status; any failure after the snapshot rolls code and data back. One run per target at a time.
 */
@WorkflowInterface
public interface UpdateWorkflow {

  /** Runs the pipeline and returns its outcome; it fails only when the pipeline could not start. */
  @WorkflowMethod
  UpdateResult update(UpdateRequest request);

  /** The steps so far, the running one last with status {@code running}. */
  @QueryMethod
  List<StepResult> progress();
}
