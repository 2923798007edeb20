package dev.steward.cli.commands;

import dev.steward.activities.hold.HoldActivitiesImpl;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.workflows.host.Hold;
import dev.steward.workflows.host.TargetPlan;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code steward hold TARGET --reason TEXT}: stops updates of a target until it is released. The
 * hold is a file on this host ({@code <state>/.steward/hold.json}); it is put through the same
 * activity implementation the pipelines use ({@link HoldActivitiesImpl}), never written here.
 */
@Command(
    name = "hold",
    description = {"Hold a target's updates: update runs end at once, outcome held (exit 6)."})
public final class HoldCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Parameters(paramLabel = "TARGET", description = "A target named in the configuration.")
  String target;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      required = true,
      description = "Why, for whoever finds it held.")
  String reason;

  @Override
  public Integer call() {
    TargetPlan plan = Targets.plan(steward.loadConfig(), target);
    new HoldActivitiesImpl().putHold(plan, new Hold(reason, Instant.now().toString(), "cli"));
    steward.out().println(target + ": updates on hold: " + reason);
    steward.out().flush();
    return ExitCodes.OK;
  }
}
