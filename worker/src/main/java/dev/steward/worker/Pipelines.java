package dev.steward.worker;

import dev.steward.worker.setup.SearchAttributesMissingException;
import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.monitor.MonitorRequest;
import dev.steward.workflows.monitor.MonitorWorkflow;
import dev.steward.workflows.recovery.RecoveryRequest;
import dev.steward.workflows.recovery.RecoveryWorkflow;
import dev.steward.workflows.update.UpdateRequest;
import dev.steward.workflows.update.UpdateWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Starts Steward's pipelines with readable workflow ids ({@code update/demo/2026-…Z}). */
public final class Pipelines {
  private Pipelines() {}

  /** Starts an update run of {@code target} and returns a stub bound to it. */
  public static UpdateWorkflow startUpdate(
      WorkflowClient client, String target, String host, Clock clock) {
    return startUpdate(client, new UpdateRequest(target, host), clock);
  }

  /** Starts an update run as {@code request} asks and returns a stub bound to it. */
  public static UpdateWorkflow startUpdate(
      WorkflowClient client, UpdateRequest request, Clock clock) {
    UpdateWorkflow workflow =
        client.newWorkflowStub(
            UpdateWorkflow.class, Run.UPDATE.options(request.target(), request.host(), clock));
    start(client, () -> WorkflowClient.start(workflow::update, request));
    return workflow;
  }

  /** Starts a recovery of {@code target} ({@code recover/<target>/<time>}) and returns its stub. */
  public static RecoveryWorkflow startRecovery(
      WorkflowClient client, String target, String host, Clock clock) {
    RecoveryWorkflow workflow =
        client.newWorkflowStub(RecoveryWorkflow.class, Run.RECOVERY.options(target, host, clock));
    start(
        client,
        () -> WorkflowClient.start(workflow::recover, new RecoveryRequest(target, host, null)));
    return workflow;
  }

  /**
   * Starts a run, naming the fix when the server refuses it for Steward's search attributes.
   *
   * @throws SearchAttributesMissingException when the namespace does not know them
   */
  private static void start(WorkflowClient client, Runnable start) {
    try {
      start.run();
    } catch (WorkflowServiceException e) {
      if (e.getCause() instanceof StatusRuntimeException refused
          && refused.getStatus().getCode() == Status.Code.INVALID_ARGUMENT
          && String.valueOf(refused.getStatus().getDescription())
              .toLowerCase(Locale.ROOT)
              .contains("search attribute")) {
        throw new SearchAttributesMissingException(
            client.getOptions().getNamespace(), refused.getStatus().getDescription());
      }
      throw e;
    }
  }

  /**
   * The pipelines a person or a script starts, and what each run carries: a readable id ({@code
   * <prefix>/<target>/<time>}), a summary and details for the web UI, and Steward's search
   * attributes, so that {@code steward history} and the UI's filters find it.
   */
  private enum Run {
    UPDATE(
        "update",
        StewardSearchAttributes.KIND_UPDATE,
        "Update",
        "Steward update pipeline: disk, snapshot, update, patches, restart, health;"
            + " rolls code and data back when a step fails."),
    RECOVERY(
        "recover",
        StewardSearchAttributes.KIND_RECOVERY,
        "Recover",
        "Steward recovery playbook: confirm, restart, health, provider, evidence;"
            + " rolls back to the newest verified snapshot, else escalates and holds updates.");

    private final String idPrefix;
    private final String kind;
    private final String verb;
    private final String details;

    Run(String idPrefix, String kind, String verb, String details) {
      this.idPrefix = idPrefix;
      this.kind = kind;
      this.verb = verb;
      this.details = details;
    }

    WorkflowOptions options(String target, String host, Clock clock) {
      return WorkflowOptions.newBuilder()
          .setWorkflowId(
              idPrefix + "/" + target + "/" + Instant.now(clock).truncatedTo(ChronoUnit.MILLIS))
          .setTaskQueue(TaskQueues.WORKFLOWS)
          .setStaticSummary(verb + " " + target + " on " + host)
          .setStaticDetails(details)
          .setTypedSearchAttributes(StewardSearchAttributes.forNewRun(kind, target, host))
          .build();
    }
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
                // So the recoveries it starts can carry the attributes too (see
                // MonitorWorkflowImpl).
                .setTypedSearchAttributes(
                    StewardSearchAttributes.forNewRun(
                        StewardSearchAttributes.KIND_MONITOR, target, host))
                .build());
    start(
        client,
        () ->
            WorkflowClient.start(workflow::monitor, new MonitorRequest(target, host, once, null)));
    return workflow;
  }
}
