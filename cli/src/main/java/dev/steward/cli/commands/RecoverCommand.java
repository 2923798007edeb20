package dev.steward.cli.commands;

import dev.steward.cli.Steward;
import dev.steward.cli.run.OutputFormat;
import dev.steward.cli.run.PipelineStart;
import dev.steward.cli.run.RunFollower;
import dev.steward.worker.Pipelines;
import dev.steward.worker.config.StewardConfig;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code steward recover TARGET}: runs the recovery playbook and follows it live. */
@Command(
    name = "recover",
    description = {
      "Bring a target back: confirm it is down, restart, wait out a provider outage,",
      "go back to the last known good code (data as it is), then to the newest verified",
      "snapshot after a copy of the data it replaces, else escalate and hold updates."
    })
public final class RecoverCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Parameters(paramLabel = "TARGET", description = "A target named in the configuration.")
  String target;

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
        "recovering " + target,
        runtime ->
            Pipelines.startRecovery(runtime.client(), target, runtime.host(), Clock.systemUTC()),
        RunFollower::follow);
  }
}
