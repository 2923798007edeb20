package dev.steward.workflows.update;

import dev.steward.workflows.host.ControlPlan;
import dev.steward.workflows.host.ControlPlan.ApprovalPlan;
import dev.steward.workflows.host.ControlPlan.WindowPlan;
import dev.steward.workflows.pipeline.Step;
import dev.steward.workflows.pipeline.StepFailedException;
import dev.steward.workflows.pipeline.StepLog;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When one run may restart its service: inside the maintenance window, and after a person's
 * approval when the target asks for one. Workflow code: time only from {@link Workflow}.
 */
final class RunControls {
  private final StepLog steps;
  private ControlPlan controls = ControlPlan.NONE;
  private boolean awaitingApproval;
  private ApprovalDecision decision;

  RunControls(StepLog steps) {
    this.steps = steps;
  }

  void use(ControlPlan controls) {
    this.controls = controls;
  }

  /**
   * Outside the window, waits for it to open, or returns why the run ends skipped when it must not
   * wait.
   */
  Optional<String> awaitWindow(boolean wait) {
    WindowPlan window = controls.window();
    Instant now = now();
    if (window == null || new MaintenanceWindow(window).closingOf(now).isPresent()) {
      return Optional.empty();
    }
    Instant opens = new MaintenanceWindow(window).nextOpening(now);
    if (!wait) {
      steps.skip(Step.WINDOW, "outside the maintenance window, which opens at " + opens);
      return Optional.of(
          "outside the maintenance window (it opens at " + opens + "); nothing was changed");
    }
    steps.run(
        Step.WINDOW,
        () -> {
          Workflow.sleep(Duration.between(now, opens));
          return opens;
        },
        at -> "waited for the maintenance window to open at " + at);
    return Optional.empty();
  }

  /**
   * The approval step: lets the restart go ahead once a person approved it (when the target asks
   * for approval), and checks the window is still open.
   *
   * @throws StepFailedException when approval is refused or late, or the window has closed
   */
  void approveRestart() {
    awaitApproval();
    WindowPlan window = controls.window();
    if (window == null) {
      return;
    }
    boolean open =
        steps.check(
            Step.WINDOW,
            () -> new MaintenanceWindow(window).closingOf(now()).isPresent(),
            isOpen -> isOpen ? "still open" : "the maintenance window closed before the restart",
            isOpen -> isOpen);
    if (!open) {
      throw new StepFailedException(
          Step.WINDOW, "", "the maintenance window closed before restart");
    }
  }

  /** Takes a person's answer; the validator has checked that the run waits for one. */
  String decide(ApprovalDecision answer) {
    decision = answer;
    return answer.approved() ? "approved: the run goes on to restart" : "rejected: it rolls back";
  }

  void validate(ApprovalDecision answer) {
    if (answer == null) {
      throw new IllegalArgumentException("no decision given");
    }
    if (decision != null) {
      throw new IllegalStateException(
          "this run was already " + (decision.approved() ? "approved" : "rejected"));
    }
    if (!awaitingApproval) {
      throw new IllegalStateException("this run is not waiting for approval");
    }
  }

  private void awaitApproval() {
    ApprovalPlan approval = controls.approval();
    if (approval == null) {
      return;
    }
    Duration timeout = Duration.ofMillis(approval.timeoutMillis());
    awaitingApproval = true;
    boolean answered =
        steps.check(
            Step.APPROVAL,
            () -> Workflow.await(timeout, () -> decision != null),
            inTime -> describeAnswer(inTime, timeout),
            inTime -> inTime && decision.approved());
    awaitingApproval = false;
    if (!answered || !decision.approved()) {
      throw new StepFailedException(Step.APPROVAL, "", describeAnswer(answered, timeout));
    }
  }

  private String describeAnswer(boolean inTime, Duration timeout) {
    if (!inTime) {
      return "no approval within " + timeout.toMinutes() + " min";
    }
    String verdict = decision.approved() ? "approved by " : "rejected by ";
    return verdict + decision.by() + (decision.reason() == null ? "" : ": " + decision.reason());
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
