package dev.steward.worker;

import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.pipeline.DeadAttempts;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a command needs to run pipelines: a connection to Temporal and, on the embedded server, a
 * worker in this process (nobody else can reach that server).
 */
public final class StewardRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StewardRuntime.class);
  private final TemporalConnection connection;
  private final String host;
  private WorkerFactory worker;
  private boolean runEnded;

  private StewardRuntime(TemporalConnection connection, String host) {
    this.connection = connection;
    this.host = host;
  }

  /**
   * Connects to the configured server, or starts the embedded one with a worker beside it.
   *
   * @param reload reads the host's configuration again, for each run's plan
   * @throws TemporalUnreachableException when a configured server does not answer
   */
  public static StewardRuntime open(StewardConfig config, Supplier<StewardConfig> reload) {
    return open(config, reload, new NoopScope(), config.temporal().connectTimeout());
  }

  /**
   * Like {@link #open(StewardConfig, Supplier)}, reporting metrics of a configured server's runs,
   * and waiting up to {@code wait} for it to answer (a worker started at boot may come up before
   * its server).
   */
  public static StewardRuntime open(
      StewardConfig config, Supplier<StewardConfig> reload, Scope metrics, Duration wait) {
    if (config.temporal().embedded()) {
      return openEmbedded(config, reload);
    }
    TemporalConnection connection = TemporalConnection.connect(config.temporal(), metrics, wait);
    return new StewardRuntime(connection, config.host());
  }

  /** Starts the embedded server and a worker for this host, whatever the config says. */
  public static StewardRuntime openEmbedded(StewardConfig config, Supplier<StewardConfig> reload) {
    StewardRuntime runtime = new StewardRuntime(TemporalConnection.embedded(), config.host());
    runtime.startWorker(reload);
    return runtime;
  }

  /**
   * Starts a worker for this host in this process. On a configured server it then fails the
   * attempts that a dead worker of this host left running in its targets' runs ({@link
   * DeadAttempts}): this worker already polls, so their retries come to it at once.
   */
  public void startWorker(Supplier<StewardConfig> reload) {
    worker = StewardWorker.start(connection.client(), reload, host);
    if (connection.isEmbedded()) {
      return; // A server of this process: nobody before us ran anything on it.
    }
    try {
      new DeadAttempts(connection.stubs(), connection.client().getOptions().getNamespace(), host)
          .failIn(reload.get().targets().values());
    } catch (RuntimeException e) {
      log.warn("not looking for attempts a dead worker left running: {}", e.getMessage());
    }
  }

  public WorkflowClient client() {
    return connection.client();
  }

  public TemporalConnection connection() {
    return connection;
  }

  /** The host whose activity queue this runtime's pipelines use. */
  public String host() {
    return host;
  }

  /**
   * Asks the worker to stop: it takes no new tasks, running activities end their current call, and
   * {@link #awaitWorker} returns once they have. For a shutdown hook; {@link #close} still follows.
   */
  public void stopWorker() {
    if (worker != null) {
      worker.shutdown();
    }
  }

  /** Blocks until the worker stops (it runs until the process is stopped). */
  public void awaitWorker() throws InterruptedException {
    worker.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
  }

  /**
   * Says that the run this command followed has ended (its result is in): on the embedded server
   * {@link #close} then stops the worker without waiting for it to drain. The run's last activity
   * (the status file) completed before its result, and the server goes with this process, so the
   * wait (0.03–0.6 s of pollers winding down, measured) would keep nothing.
   */
  public void runEnded() {
    runEnded = true;
  }

  /**
   * Stops the worker and closes the connection. The worker drains first (running activities end
   * their current call, for up to 10 s), unless {@link #runEnded} was said of the embedded server.
   */
  @Override
  public void close() {
    if (worker != null && runEnded && connection.isEmbedded()) {
      worker.shutdownNow();
    } else if (worker != null) {
      worker.shutdown();
      worker.awaitTermination(10, TimeUnit.SECONDS);
    }
    connection.close();
  }
}
