package dev.steward.cli.commands;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.cli.run.OutputFormat;
import dev.steward.cli.run.RunFollower;
import dev.steward.cli.run.RunPrinter;
import dev.steward.worker.StewardRuntime;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.fleet.FleetRolloutWorkflow;
import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.recovery.RecoveryWorkflow;
import dev.steward.workflows.recovery.RestoreWorkflow;
import dev.steward.workflows.update.UpdateResult;
import dev.steward.workflows.update.UpdateWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code steward follow WORKFLOW_ID}: follows a run started elsewhere (by {@code --detach}, a
 * schedule, another terminal) to its end, with the same output and exit codes as the command that
 * starts such a run. A run that already ended prints its result.
 */
@Command(
    name = "follow",
    description = {
      "Follow a run to its end: the same output and exit codes as the command that started it.",
      "A run that already ended prints its result."
    })
public final class FollowCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Parameters(
      paramLabel = "WORKFLOW_ID",
      description = "The run, e.g. update/demo/2026-…Z, recover/…, restore/… or rollout/….")
  String workflowId;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (a line per step) or json (one object on stdout).")
  OutputFormat output;

  @Override
  public Integer call() throws Exception {
    StewardConfig config = steward.loadConfig();
    if (config.temporal().embedded()) {
      throw new UsageException(
          "follow needs the Temporal server the run is on: set temporal.address in "
              + config.source()
              + " or TEMPORAL_ADDRESS (the embedded server keeps no runs between commands)");
    }
    RunPrinter printer = new RunPrinter(steward, output);
    try (StewardRuntime runtime = StewardRuntime.open(config, steward::loadConfig)) {
      String type = workflowType(runtime.client());
      // One branch per pipeline; a new pipeline adds its own follower here.
      return switch (type) {
        case "UpdateWorkflow" -> followUpdate(runtime, printer);
        case "RecoveryWorkflow" -> followRecovery(runtime, printer);
        case "RestoreWorkflow" -> followRestore(runtime, printer);
        case "FleetRolloutWorkflow" -> followRollout(runtime, printer);
        default ->
            throw new UsageException(
                workflowId + " is a " + type + " run, which steward follow cannot show");
      };
    }
  }

  private int followUpdate(StewardRuntime runtime, RunPrinter printer) throws InterruptedException {
    printer.starting("following " + workflowId, runtime);
    UpdateWorkflow run = runtime.client().newWorkflowStub(UpdateWorkflow.class, workflowId);
    UpdateResult result = new RunFollower(printer).follow(run);
    printer.result(result);
    return ExitCodes.of(result);
  }

  private int followRecovery(StewardRuntime runtime, RunPrinter printer)
      throws InterruptedException {
    printer.starting("following " + workflowId, runtime);
    RecoveryWorkflow run = runtime.client().newWorkflowStub(RecoveryWorkflow.class, workflowId);
    RecoveryResult result = new RunFollower(printer).follow(run);
    printer.result(result);
    return ExitCodes.of(result);
  }

  private int followRestore(StewardRuntime runtime, RunPrinter printer)
      throws InterruptedException {
    printer.starting("following " + workflowId, runtime);
    RestoreWorkflow run = runtime.client().newWorkflowStub(RestoreWorkflow.class, workflowId);
    RecoveryResult result = new RunFollower(printer).follow(run);
    printer.result(result);
    return ExitCodes.of(result);
  }

  private int followRollout(StewardRuntime runtime, RunPrinter printer)
      throws InterruptedException {
    printer.starting("following " + workflowId, runtime);
    return RolloutCommand.follow(
        printer, runtime.client().newWorkflowStub(FleetRolloutWorkflow.class, workflowId));
  }

  /** The run's workflow type; a one-line error when the server has no such run. */
  private String workflowType(WorkflowClient client) {
    DescribeWorkflowExecutionRequest request =
        DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(client.getOptions().getNamespace())
            .setExecution(
                io.temporal.api.common.v1.WorkflowExecution.newBuilder()
                    .setWorkflowId(workflowId)
                    .build())
            .build();
    try {
      WorkflowExecutionInfo info =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(request)
              .getWorkflowExecutionInfo();
      return info.getType().getName();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw new UsageException(
            "no run " + workflowId + " on this Temporal server (check the id: steward prints it)");
      }
      throw e;
    }
  }
}
