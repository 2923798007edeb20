package dev.steward.cli.commands;

import dev.steward.cli.Steward;
import dev.steward.cli.run.OutputFormat;
import dev.steward.cli.run.PipelineStart;
import dev.steward.cli.run.RunFollower;
import dev.steward.worker.Pipelines;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.recovery.RestoreRequest;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code steward restore TARGET SNAPSHOT}: the field guide's manual {@code import --force <file>}
 * as a durable run ({@code RestoreWorkflow}), followed live like {@code recover}, with its exit
 * codes. The host resolves the name inside the target's own snapshot directory; a name it does not
 * know ends the run before anything changes.
 */
@Command(
    name = "restore",
    description = {
      "Restore one snapshot (see: steward snapshots TARGET): keep the state as it is in a",
      "pre-restore snapshot, put the code at the snapshot's revision and its data back, restart,",
      "verify. Exit codes as for recover; an unknown snapshot changes nothing (exit 1)."
    })
public final class RestoreCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Parameters(index = "0", paramLabel = "TARGET", description = "A target named in the config.")
  String target;

  @Parameters(
      index = "1",
      paramLabel = "SNAPSHOT",
      description = "A snapshot's file name, as steward snapshots TARGET lists it.")
  String snapshot;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (a line per step) or json (one object on stdout).")
  OutputFormat output;

  @Mixin PipelineStart start;

  @Override
  public Integer call() throws Exception {
    StewardConfig config = steward.loadConfig();
    Targets.require(config, target);
    return start.recovery(
        steward,
        config,
        output,
        "restoring " + snapshot + " to " + target,
        runtime -> {
          RestoreRequest request = new RestoreRequest(target, runtime.host(), snapshot);
          return Pipelines.startRestore(runtime.client(), request, Clock.systemUTC());
        },
        RunFollower::follow);
  }
}
