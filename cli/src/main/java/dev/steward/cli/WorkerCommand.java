package dev.steward.cli;

import dev.steward.worker.StewardRuntime;
import dev.steward.worker.config.StewardConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code steward worker}: serves this host's pipelines for a Temporal server. */
@Command(
    name = "worker",
    description = {
      "Run this host's worker against the configured Temporal server until stopped.",
      "It runs workflows, and the activities that touch this host's targets."
    })
final class WorkerCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Override
  public Integer call() throws Exception {
    StewardConfig config = steward.loadConfig();
    if (config.temporal().embedded()) {
      throw new UsageException(
          "a worker needs a Temporal server that others reach: set temporal.address in "
              + config.source()
              + " or TEMPORAL_ADDRESS (commands without one use an embedded server of their own)");
    }
    try (StewardRuntime runtime = StewardRuntime.open(config, steward::loadConfig)) {
      runtime.startWorker(steward::loadConfig);
      steward
          .out()
          .println(
              "steward worker for host "
                  + runtime.host()
                  + " on "
                  + runtime.connection().description()
                  + "; stop it with Ctrl-C or SIGTERM");
      steward.out().flush();
      runtime.awaitWorker();
      return ExitCodes.OK;
    }
  }
}
