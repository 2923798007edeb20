package dev.steward.worker;

import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.TaskQueues;
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
    WorkflowClient.start(workflow::update, new UpdateRequest(target, host));
    return workflow;
  }
}
