package dev.steward.cli.commands;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.worker.config.FleetPrinter;
import dev.steward.worker.config.PlanPrinter;
import dev.steward.worker.config.StewardConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code steward config check}: validates the configuration and prints each target's plan and each
 * fleet's batches.
 */
@Command(
    name = "config",
    description = "Inspect the configuration.",
    subcommands = {ConfigCommand.Check.class})
public final class ConfigCommand {
  @ParentCommand Steward steward;

  @Command(
      name = "check",
      description =
          "Validate the configuration and print each target's plan and each fleet's batches.")
  static final class Check implements Callable<Integer> {
    @ParentCommand ConfigCommand config;

    @Override
    public Integer call() {
      Steward steward = config.steward;
      StewardConfig loaded = steward.loadConfig();
      steward.out().println(loaded.source() + ": ok");
      loaded.targets().values().forEach(plan -> steward.out().println(PlanPrinter.describe(plan)));
      steward.out().print(FleetPrinter.describe(loaded));
      steward.out().flush();
      return ExitCodes.OK;
    }
  }
}
