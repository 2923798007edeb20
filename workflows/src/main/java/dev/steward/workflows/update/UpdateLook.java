package dev.steward.workflows.update;

import static dev.steward.workflows.host.Revisions.short7;

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

  /** Nothing new and every patch in place: the result, the status file left to the last change. */
  static UpdateResult alreadyCurrent(StepLog steps, TargetPlan plan, UpdateCheck look) {
    String current = look.currentRevision();
    String message = "already at " + short7(current);
    UpdateOutcomes.announce(plan, UpdateOutcome.UNCHANGED, message, false, null);
    UpdateOutcomes.record(UpdateOutcome.UNCHANGED);
    return UpdateResult.newBuilder(
            plan.target(), UpdateOutcome.UNCHANGED, Workflow.getInfo().getWorkflowId())
        .revisions(current, current)
        .steps(steps.finished())
        .message(message)
        .build();
  }
}
