package dev.steward.workflows.update;

import dev.steward.workflows.host.HostActivityStubs;
import io.temporal.workflow.Workflow;

/**
 * Test-only changes to the update workflow, as a developer might make them: one more activity call
 * before the pipeline (a second plan lookup), once without a guard and once behind {@link
 * Workflow#getVersion}. Both leave the rest to the real {@link UpdateWorkflowImpl}.
 */
final class ChangedUpdateWorkflows {
  private ChangedUpdateWorkflows() {}

  /** Adds the call for every run, including runs recorded before the change: not replayable. */
  public static class Unguarded extends UpdateWorkflowImpl {
    @Override
    public UpdateResult update(UpdateRequest request) {
      HostActivityStubs.pipeline(request.host()).resolvePlan(request.target());
      return super.update(request);
    }
  }

  /** Adds the call only for runs that start after the change. */
  public static class Guarded extends UpdateWorkflowImpl {
    @Override
    public UpdateResult update(UpdateRequest request) {
      int version = Workflow.getVersion("early-plan-check", Workflow.DEFAULT_VERSION, 1);
      if (version >= 1) {
        HostActivityStubs.pipeline(request.host()).resolvePlan(request.target());
      }
      return super.update(request);
    }
  }
}
