package dev.steward.workflows.recovery;

import dev.steward.workflows.host.Hold;
import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.pipeline.Step;
import dev.steward.workflows.pipeline.StepFailedException;
import dev.steward.workflows.pipeline.StepLog;
import io.temporal.workflow.Workflow;
import java.time.Instant;

/** The steps recovery and a manual restore share when the service stays down. Workflow code. */
final class RecoverySteps {
  private RecoverySteps() {}

  /** The service's last output and log tails; best effort, never a failure of the run. */
  static String collectEvidence(StepLog steps, TargetPlan plan) {
    try {
      return steps.run(
          Step.EVIDENCE,
          () -> HostActivityStubs.recovery(plan, Step.EVIDENCE.summary(plan)).gatherEvidence(plan),
          e -> e.lines().count() + " lines");
    } catch (StepFailedException e) {
      return "could not collect evidence: " + e.getMessage();
    }
  }

  /**
   * Puts the target's updates on hold, so the next nightly run does not pile a new release onto a
   * broken one; a failure is a failed step, and the notice still goes out.
   */
  static void holdUpdates(StepLog steps, TargetPlan plan, String reason) {
    String since = Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
    Hold hold = new Hold(reason, since, Workflow.getInfo().getWorkflowId());
    steps.attempt(
        Step.PUT_HOLD,
        () -> HostActivityStubs.holds(plan, Step.PUT_HOLD.summary(plan)).putHold(plan, hold),
        "updates held");
  }
}
