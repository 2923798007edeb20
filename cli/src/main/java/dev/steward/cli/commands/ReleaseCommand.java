package dev.steward.cli.commands;

import dev.steward.activities.hold.HoldActivitiesImpl;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.host.Hold;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code steward release TARGET}: lifts a hold, whoever put it. */
@Command(
    name = "release",
    description = {"Release a target's hold so updates run again."})
public final class ReleaseCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Parameters(paramLabel = "TARGET", description = "A target named in the configuration.")
  String target;

  @Override
  public Integer call() {
    StewardConfig config = steward.loadConfig();
    Targets.require(config, target);
    Hold released = new HoldActivitiesImpl().releaseHold(config.targets().get(target));
    steward
        .out()
        .println(
            released == null
                ? target + ": was not on hold"
                : target + ": hold released (it said: " + released.reason() + ")");
    steward.out().flush();
    return ExitCodes.OK;
  }
}
