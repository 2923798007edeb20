package dev.steward.cli;

import dev.steward.worker.StewardRuntime;
import dev.steward.worker.config.StewardConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
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

  @Option(
      names = "--wait-for-server",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "How long to wait for the Temporal server at start-up before exiting 5"
              + " (default ${DEFAULT-VALUE}); systemd's Restart= then tries again.")
  int waitSeconds;

  @Override
  public Integer call() throws Exception {
    StewardConfig config = steward.loadConfig();
    if (config.temporal().embedded()) {
      throw new UsageException(
          "a worker needs a Temporal server that others reach: set temporal.address in "
              + config.source()
              + " or TEMPORAL_ADDRESS (commands without one use an embedded server of their own)");
    }
    if (waitSeconds < 1) {
      throw new UsageException("--wait-for-server " + waitSeconds + ": give at least 1 second");
    }
    try (StewardRuntime runtime =
        StewardRuntime.open(config, steward::loadConfig, Duration.ofSeconds(waitSeconds))) {
      runtime.startWorker(steward::loadConfig);
      // SIGTERM (systemctl stop): let running activities end their current call, then exit.
      AtomicBoolean stopping = new AtomicBoolean();
      Thread stop =
          new Thread(
              () -> {
                stopping.set(true);
                runtime.close();
              },
              "steward-worker-stop");
      Runtime.getRuntime().addShutdownHook(stop);
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
      if (stopping.get()) {
        return ExitCodes.OK;
      }
      // Only a stop signal should end a worker; anything else must not look like success, or
      // systemd's Restart= would leave the host without one.
      throw new IllegalStateException("the worker stopped without being asked to; restarting it");
    }
  }
}
