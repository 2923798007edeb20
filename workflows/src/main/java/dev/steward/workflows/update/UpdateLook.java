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
   * update.check}); null when it cannot, or for a run that started before the look existed. A run
   * pinned to {@code revision} always looks: the host checks that commit is on its own ref (and
   * refuses a target that does not update by git), and the update then moves to exactly it.
   *
   * @param revision the commit the request pins, or null
   * @throws dev.steward.workflows.pipeline.StepFailedException when the look failed or the host
   *     refused the revision
   */
  static UpdateCheck lookIfItCan(StepLog steps, TargetPlan plan, String revision) {
    if (Workflow.getVersion("look-before-snapshot", Workflow.DEFAULT_VERSION, 1) < 1) {
      return null;
    }
    // Only a pinned request records this marker; no run before it had a revision to pin.
    if (revision != null
        && Workflow.getVersion("pinned-revision", Workflow.DEFAULT_VERSION, 1) >= 1) {
      return steps.run(
          Step.CHECK,
          () ->
              HostActivityStubs.code(plan, Step.CHECK.summary(plan)).checkRevision(plan, revision),
          UpdateTexts::describe);
    }
    if (!plan.update().canCheck()) {
      return null;
    }
    return steps.run(
        Step.CHECK,
        () -> HostActivityStubs.code(plan, Step.CHECK.summary(plan)).checkForUpdate(plan),
        UpdateTexts::describe);
  }
}
