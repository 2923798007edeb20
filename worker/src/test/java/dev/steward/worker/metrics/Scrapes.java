package dev.steward.worker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.uber.m3.tally.Scope;
import dev.steward.worker.Await;
import dev.steward.worker.LoopbackTemporalServer;
import dev.steward.worker.Pipelines;
import dev.steward.worker.StewardWorker;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.config.TemporalSettings;
import dev.steward.worker.setup.SearchAttributeSetup;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Real scrapes of the worker's metrics, for the tests and the scrape-size benchmark. */
final class Scrapes {
  /** What one update run shows once the SDK's next report after it has reached the registry. */
  static final String[] AFTER_A_RUN = {"steward_runs_total", "temporal_workflow_completed_total"};

  private Scrapes() {}

  /**
   * Runs one real update (a command target whose update command is {@code true}, so the run goes
   * through its snapshot and status steps) on a real worker on the loopback test server, reporting
   * to {@code metrics}, and returns the scrape of the real endpoint over HTTP after it.
   */
  static String afterOneUpdate(Path tmp, StewardMetrics metrics) throws Exception {
    try (MetricsServer endpoint = MetricsServer.start(metrics, 0)) {
      return afterOneUpdate(
          tmp,
          metrics.scope(),
          config -> metrics.watchStatusFiles(config.targets().values(), Clock.systemUTC()),
          () -> get(endpoint.port()));
    }
  }

  /**
   * The same run with the SDK's and the workflows' metrics going to {@code scope}, read with {@code
   * scrape} until the run's metrics show.
   */
  static String afterOneUpdate(
      Path tmp, Scope scope, Consumer<StewardConfig> watch, Supplier<String> scrape)
      throws Exception {
    TestTarget target = TestTarget.create(tmp).updateCommand("[\"true\"]");
    StewardConfig config = ConfigLoader.forThisMachine().load(target.config());
    try (LoopbackTemporalServer server = LoopbackTemporalServer.start();
        TemporalConnection connection =
            TemporalConnection.connect(
                new TemporalSettings(server.address(), "default"), scope, Duration.ofSeconds(10))) {
      new SearchAttributeSetup(connection.client()).register();
      watch.accept(config);
      WorkerFactory worker = StewardWorker.start(connection.client(), () -> config, config.host());
      try {
        UpdateResult result =
            WorkflowStub.fromTyped(
                    Pipelines.startUpdate(
                        connection.client(), TestTarget.NAME, config.host(), Clock.systemUTC()))
                .getResult(2, TimeUnit.MINUTES, UpdateResult.class);
        assertEquals(UpdateOutcome.UNCHANGED, result.outcome(), result.message());
        return until(scrape, AFTER_A_RUN);
      } finally {
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  /** The SDK reports every second: scrapes until every one of {@code metrics} shows up. */
  static String until(Supplier<String> scrape, String... metrics) {
    String[] body = {""};
    Await.until(
        "the metrics endpoint to show " + String.join(", ", metrics),
        Duration.ofMinutes(1),
        () -> {
          body[0] = scrape.get();
          for (String metric : metrics) {
            if (!body[0].contains(metric)) {
              return false;
            }
          }
          return true;
        },
        () -> body[0]);
    return body[0];
  }

  /** One {@code GET /metrics} of the endpoint on {@code port}, asserting a 200. */
  static String get(int port) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode());
      return response.body();
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("cannot scrape " + request.uri(), e);
    }
  }
}
