package dev.steward.cli.commands;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.cli.run.OutputFormat;
import dev.steward.cli.run.PipelineStart;
import dev.steward.cli.run.RunFollower;
import dev.steward.cli.run.RunPrinter;
import dev.steward.worker.Pipelines;
import dev.steward.worker.StewardRuntime;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.update.UpdateRequest;
import dev.steward.workflows.update.UpdateResult;
import dev.steward.workflows.update.UpdateWorkflow;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code steward update TARGET}: runs the update pipeline and follows it live. */
@Command(
    name = "update",
    description = {
      "Update a target: disk check, snapshot, update, patches, restart, health;",
      "roll code and data back when a step fails."
    })
public final class UpdateCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Parameters(paramLabel = "TARGET", description = "A target named in the configuration.")
  String target;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (a line per step) or json (one object on stdout).")
  OutputFormat output;

  @Option(
      names = "--no-wait-for-window",
      description = "Outside the maintenance window, end skipped instead of waiting for it.")
  boolean noWaitForWindow;

  @Mixin PipelineStart start;

  @Override
  public Integer call() throws Exception {
    StewardConfig config = steward.loadConfig();
    Targets.require(config, target);
    if (config.temporal().embedded()
        && config.targets().get(target).controls().approval() != null) {
      throw new UsageException(
          "target "
              + target
              + " needs approval before its restart, and `steward approve` cannot reach the"
              + " embedded server inside this command: set temporal.address (or TEMPORAL_ADDRESS)"
              + " and run a worker");
    }
    RunPrinter printer = new RunPrinter(steward, output);
    try (StewardRuntime runtime = start.open(steward, config)) {
      UpdateRequest request = new UpdateRequest(target, runtime.host(), !noWaitForWindow);
      if (start.detached()) {
        return start.printWorkflowId(
            steward, Pipelines.startUpdate(runtime.client(), request, Clock.systemUTC()));
      }
      printer.starting("updating " + target + " on " + runtime.host(), runtime);
      UpdateWorkflow run = Pipelines.startUpdate(runtime.client(), request, Clock.systemUTC());
      UpdateResult result = new RunFollower(printer).follow(run);
      runtime.runEnded();
      printer.result(result);
      return ExitCodes.of(result);
    }
  }
}
