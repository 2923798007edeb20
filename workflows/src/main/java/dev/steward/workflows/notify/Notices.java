package dev.steward.workflows.notify;

import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.host.Notice;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.pipeline.FailureReason;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Instant;

/** Workflow-side helper: hands a notice to a {@link NotifyWorkflow} and goes on at once. */
public final class Notices {
  private Notices() {}

  /** A notice about {@code plan}'s target from the running workflow, stamped with workflow time. */
  public static Notice of(
      TargetPlan plan, String severity, String title, String message, String evidence) {
    return new Notice(
        plan.target(),
        severity,
        title,
        message,
        evidence,
        Workflow.getInfo().getWorkflowId(),
        Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString());
  }

  /**
   * Starts an abandoned child that sends the notice to every channel of the plan, and returns once
   * it has started; does nothing when the target has no channels. Never throws: a notice that
   * cannot even be handed over is logged, not allowed to fail the pipeline.
   */
  public static void send(TargetPlan plan, Notice notice) {
    if (plan.notifications().channels().isEmpty()) {
      return;
    }
    String id =
        "notify/"
            + Workflow.getInfo().getWorkflowId()
            + "/"
            + Workflow.randomUUID().toString().substring(0, 8);
    NotifyWorkflow child =
        Workflow.newChildWorkflowStub(
            NotifyWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .setStaticSummary(notice.severity() + ": " + notice.title())
                .build());
    try {
      Async.function(child::send, new NotifyRequest(plan.host(), plan.notifications(), notice));
      Workflow.getWorkflowExecution(child).get();
    } catch (RuntimeException e) {
      Workflow.getLogger(Notices.class)
          .warn("could not start notification {}: {}", id, FailureReason.of(e));
    }
  }
}
