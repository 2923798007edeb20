package dev.steward.worker;

import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.monitor.MonitorRequest;
import dev.steward.workflows.monitor.MonitorWorkflow;
import dev.steward.workflows.recovery.RecoveryRequest;
import dev.steward.workflows.recovery.RecoveryWorkflow;
import dev.steward.workflows.update.UpdateRequest;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Starts Steward's pipelines with readable workflow ids ({@code update/demo/2026-…Z}). */
public final class Pipelines {
  /** The StewardKind of update runs. */
  public static final String KIND_UPDATE = "update";

  private Pipelines() {}

  /** Starts an update run of {@code target} and returns a stub bound to it. */
  public static UpdateWorkflow startUpdate(
      WorkflowClient client, String target, String host, Clock clock) {
    return startUpdate(client, new UpdateRequest(target, host), clock);
  }

  /** Starts an update run as {@code request} asks and returns a stub bound to it. */
  public static UpdateWorkflow startUpdate(
      WorkflowClient client, UpdateRequest request, Clock clock) {
    String target = request.target();
    String host = request.host();
    String workflowId =
        "update/" + target + "/" + Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    UpdateWorkflow workflow =
        client.newWorkflowStub(
            UpdateWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .setStaticSummary("Update " + target + " on " + host)
                .setStaticDetails(
                    "Steward update pipeline: disk, snapshot, update, patches, restart, health;"
                        + " rolls code and data back when a step fails.")
                .setTypedSearchAttributes(
                    StewardSearchAttributes.forNewRun(KIND_UPDATE, target, host))
                .build());
    WorkflowClient.start(workflow::update, request);
    return workflow;
  }

  /** Starts a recovery of {@code target} ({@code recover/<target>/<time>}) and returns its stub. */
  public static RecoveryWorkflow startRecovery(
      WorkflowClient client, String target, String host, Clock clock) {
    String workflowId =
        "recover/" + target + "/" + Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    RecoveryWorkflow workflow =
        client.newWorkflowStub(
            RecoveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .setStaticSummary("Recover " + target + " on " + host)
                .build());
    WorkflowClient.start(workflow::recover, new RecoveryRequest(target, host, null));
    return workflow;
  }

  /**
   * Starts a target's monitor as {@code monitor/<target>} (one per target), or, with {@code once},
   * a single measurement as {@code monitor-once/<target>/<time>}.
   *
   * @throws io.temporal.client.WorkflowExecutionAlreadyStarted when the target's monitor runs
   */
  public static MonitorWorkflow startMonitor(
      WorkflowClient client, String target, String host, boolean once, Clock clock) {
    String workflowId =
        once
            ? "monitor-once/" + target + "/" + Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)
            : "monitor/" + target;
    MonitorWorkflow workflow =
        client.newWorkflowStub(
            MonitorWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .setStaticSummary((once ? "Measure " : "Monitor ") + target + " on " + host)
                .build());
    WorkflowClient.start(workflow::monitor, new MonitorRequest(target, host, once, null));
    return workflow;
  }
}
