package dev.steward.cli.commands;

import dev.steward.activities.hold.HoldActivitiesImpl;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.workflows.host.Hold;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code steward release TARGET}: lifts a hold, whoever put it, through the same activity
 * implementation the pipelines use ({@link HoldActivitiesImpl}).
 */
@Command(
    name = "release",
    description = {"Release a target's hold so updates run again."})
public final class ReleaseCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Parameters(paramLabel = "TARGET", description = "A target named in the configuration.")
  String target;

  @Override
  public Integer call() {
    Hold released =
        new HoldActivitiesImpl().releaseHold(Targets.plan(steward.loadConfig(), target));
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
