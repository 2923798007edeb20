package dev.steward.workflows.recovery;

import dev.steward.workflows.pipeline.HealthProgressSignal;
import dev.steward.workflows.pipeline.StepResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * A person's restore of one snapshot (the field guide's {@code hermes import --force <file>}): a
 * pre-restore snapshot of the state as it is, the code to the snapshot's revision, its data back,
 * restart, verify. Shares the one-pipeline-per-target lock with updates and recoveries.
 */
@WorkflowInterface
public interface RestoreWorkflow extends HealthProgressSignal {

  /**
   * Runs the restore: outcome {@code rolled_back} when the service ended healthy, else {@code
   * failed} (updates then go on hold). It fails only when it could not start (bad config, busy
   * target, no such snapshot).
   */
  @WorkflowMethod
  RecoveryResult restore(RestoreRequest request);

  /** The steps so far, the running one last with status {@code running}. */
  @QueryMethod
  List<StepResult> progress();
}
