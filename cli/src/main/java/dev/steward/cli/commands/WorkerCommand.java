package dev.steward.cli.commands;

import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.worker.StewardRuntime;
import dev.steward.worker.config.Observability;
import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.metrics.MetricsServer;
import dev.steward.worker.metrics.StewardMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code steward worker}: serves this host's pipelines for a Temporal server. */
@Command(
    name = "worker",
    description = {
      "Run this host's worker against the configured Temporal server until stopped.",
      "It runs workflows, and the activities that touch this host's targets.",
      "Logs go to the journal under systemd, else to a daily file kept 14 days",
      "(logs.dir); with metrics.port set, Prometheus metrics are served on",
      "127.0.0.1:PORT/metrics."
    })
public final class WorkerCommand implements Callable<Integer> {
  private static final long CLOSE_TIMEOUT_SECONDS = 15;

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
    Observability observability = config.observability();
    Map<String, String> env = System.getenv();
    Path logDir =
        observability.logDir() != null
            ? observability.logDir()
            : WorkerLogging.defaultDir(env, "root".equals(System.getProperty("user.name")));
    String logs = WorkerLogging.configure(env, logDir);
    // SIGTERM (systemctl stop): the hook stops the worker, so running activities end their current
    // call, and waits while this thread closes what the try opened (the JVM halts when it returns).
    AtomicBoolean stopping = new AtomicBoolean();
    CountDownLatch closed = new CountDownLatch(1);
    try (StewardMetrics metrics = new StewardMetrics();
        MetricsServer endpoint = serveMetrics(metrics, observability.metricsPort());
        StewardRuntime runtime =
            StewardRuntime.open(
                config,
                steward::loadConfig,
                scope(metrics, endpoint),
                Duration.ofSeconds(waitSeconds))) {
      metrics.watchStatusFiles(config.targets().values(), Clock.systemUTC());
      runtime.startWorker(steward::loadConfig);
      Thread stop =
          new Thread(
              () -> {
                stopping.set(true);
                runtime.stopWorker();
                awaitClosed(closed);
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
                  + "; logs: "
                  + logs
                  + (endpoint == null
                      ? ""
                      : "; metrics: http://127.0.0.1:" + endpoint.port() + "/metrics")
                  + "; stop it with Ctrl-C or SIGTERM");
      steward.out().flush();
      runtime.awaitWorker();
      if (stopping.get()) {
        return ExitCodes.OK;
      }
      // Only a stop signal should end a worker; anything else must not look like success, or
      // systemd's Restart= would leave the host without one.
      throw new IllegalStateException("the worker stopped without being asked to; restarting it");
    } finally {
      closed.countDown();
    }
  }

  /** In the shutdown hook: the runtime's close waits up to 10 s for activities, then some slack. */
  private static void awaitClosed(CountDownLatch closed) {
    try {
      closed.await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static MetricsServer serveMetrics(StewardMetrics metrics, Integer port) {
    if (port == null) {
      return null;
    }
    try {
      return MetricsServer.start(metrics, port);
    } catch (IOException e) {
      throw new UsageException(
          "metrics.port "
              + port
              + ": cannot listen on 127.0.0.1:"
              + port
              + " ("
              + e.getMessage()
              + "); pick a free port");
    }
  }

  private static Scope scope(StewardMetrics metrics, MetricsServer endpoint) {
    return endpoint == null ? new NoopScope() : metrics.scope();
  }
}
