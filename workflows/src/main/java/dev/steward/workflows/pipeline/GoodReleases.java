package dev.steward.workflows.pipeline;

import dev.steward.workflows.host.GoodRelease;
import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.Revisions;
import dev.steward.workflows.host.StatusActivities;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.workflow.Workflow;

/**
 * The last known good release, as pipelines keep it: recorded on the host whenever a run has just
 * verified the service healthy, read by recovery to go back to it. Workflow code.
 */
public final class GoodReleases {
  /** Since this change runs that verify health record the release; older runs replay without. */
  private static final String MARK = "mark-good-release";

  private GoodReleases() {}

  /**
   * Records the checkout's revision as the last known good release; call it right after a health
   * check passed. Best effort: a failure is a failed step, never the run's.
   */
  public static void mark(StepLog steps, TargetPlan plan) {
    if (Workflow.getVersion(MARK, Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    StatusActivities status = HostActivityStubs.status(plan, Step.MARK_GOOD.summary(plan));
    try {
      steps.run(
          Step.MARK_GOOD,
          () -> status.markGoodRelease(plan, Workflow.getInfo().getWorkflowId()),
          GoodReleases::describe);
    } catch (StepFailedException e) {
      // Recorded as a failed step; the service is healthy all the same.
    }
  }

  /** What marking {@code good} did, for the step's message. */
  public static String describe(GoodRelease good) {
    return good == null ? "no revision to record" : "at " + Revisions.short7(good.revision());
  }

  /** The last known good release, or null when there is none or it cannot be read. */
  public static GoodRelease read(StepLog steps, TargetPlan plan) {
    StatusActivities status = HostActivityStubs.status(plan, Step.LAST_GOOD.summary(plan));
    try {
      return steps.run(
          Step.LAST_GOOD,
          () -> status.readGoodRelease(plan),
          good ->
              good == null
                  ? "none recorded yet"
                  : Revisions.short7(good.revision())
                      + ", verified "
                      + good.verifiedAt()
                      + " by "
                      + good.workflowId());
    } catch (StepFailedException e) {
      return null;
    }
  }
}
