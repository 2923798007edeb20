package dev.steward.workflows.recovery;

import dev.steward.workflows.pipeline.HealthProgressSignal;
import dev.steward.workflows.pipeline.StepResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * The field guide's recovery playbook: confirm down, restart and verify, wait out a provider's
 * outage, collect evidence, then the ladder: the last known good code with the data as it is, the
 * newest verified snapshot after a pre-restore copy of the data, else escalate and hold updates.
 * Shares the one-pipeline-per-target lock with updates.
 */
@WorkflowInterface
public interface RecoveryWorkflow extends HealthProgressSignal {

  /** Runs the playbook; it fails only when it could not start (bad config, busy target). */
  @WorkflowMethod
  RecoveryResult recover(RecoveryRequest request);

  /** The steps so far, the running one last with status {@code running}. */
  @QueryMethod
  List<StepResult> progress();
}
