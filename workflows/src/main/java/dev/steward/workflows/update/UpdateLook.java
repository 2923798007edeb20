package dev.steward.workflows.update;

import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.UpdateCheck;
import dev.steward.workflows.pipeline.Step;
import dev.steward.workflows.pipeline.StepLog;
import io.temporal.workflow.Workflow;

/**
 * The look before the snapshot: the usual night has nothing new, and then costs no disk check, no
 * snapshot of the whole state directory and no prune. Workflow code: it only calls activities.
 */
final class UpdateLook {
  private UpdateLook() {}

  /**
   * Looks for something to apply where the plan can tell (git, or a command with {@code
   * update.check}); null when it cannot, or for a run that started before the look existed.
   *
   * @throws dev.steward.workflows.pipeline.StepFailedException when the look failed
   */
  static UpdateCheck lookIfItCan(StepLog steps, TargetPlan plan) {
    if (Workflow.getVersion("look-before-snapshot", Workflow.DEFAULT_VERSION, 1) < 1
        || !plan.update().canCheck()) {
      return null;
    }
    return steps.run(
        Step.CHECK,
        () -> HostActivityStubs.code(plan, Step.CHECK.summary(plan)).checkForUpdate(plan),
        UpdateTexts::describe);
  }
}
