package dev.steward.worker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.service.ServiceActivitiesImpl;
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
import dev.steward.workflows.monitor.MonitorWorkflow;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker's Prometheus endpoint, scraped over HTTP on loopback on the test server: after a real
 * update run, the SDK's metrics, Steward's run and step metrics, and the status file's age; while a
 * real monitor watches a real service, its alerts and readings.
 */
class MetricsEndpointTest {
  @TempDir Path tmp;

  @Test
  void serves_sdk_and_steward_metrics_after_a_run() throws Exception {
    // An update command without update.check: the run goes through its snapshot and status steps.
    TestTarget target = TestTarget.create(tmp).updateCommand("[\"true\"]");
    StewardConfig config = ConfigLoader.forThisMachine().load(target.config());
    try (LoopbackTemporalServer server = LoopbackTemporalServer.start();
        StewardMetrics metrics = new StewardMetrics();
        MetricsServer endpoint = MetricsServer.start(metrics, 0);
        TemporalConnection connection =
            TemporalConnection.connect(
                new TemporalSettings(server.address(), "default"),
                metrics.scope(),
                Duration.ofSeconds(10))) {
      new SearchAttributeSetup(connection.client()).register();
      metrics.watchStatusFiles(config.targets().values(), Clock.systemUTC());
      WorkerFactory worker = StewardWorker.start(connection.client(), () -> config, config.host());
      try {
        UpdateResult result =
            WorkflowStub.fromTyped(
                    Pipelines.startUpdate(
                        connection.client(), TestTarget.NAME, config.host(), Clock.systemUTC()))
                .getResult(2, TimeUnit.MINUTES, UpdateResult.class);
        assertEquals(UpdateOutcome.UNCHANGED, result.outcome(), result.message());

        String scraped =
            scrapeUntil(endpoint.port(), "steward_runs_total", "temporal_workflow_completed_total");

        assertTrue(
            matches(scraped, "steward_runs_total\\{[^}]*outcome=\"unchanged\"[^}]*\\} 1\\.0"),
            scraped);
        assertTrue(
            matches(scraped, "steward_step_duration_seconds_count\\{[^}]*step=\"snapshot\""),
            scraped);
        assertTrue(scraped.contains("temporal_workflow_completed_total"), scraped);
        Matcher age =
            Pattern.compile("steward_seconds_since_last_success\\{target=\"demo\"\\} ([0-9.E]+)")
                .matcher(scraped);
        assertTrue(age.find(), scraped);
        assertTrue(Double.parseDouble(age.group(1)) < 600, "the run just succeeded");
      } finally {
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void serves_the_monitors_active_alerts_and_readings_per_target() throws Exception {
    // A memory limit any python process is over: one alert fires, the service stays up.
    TestTarget target = TestTarget.create(tmp).withConfig("    monitor:\n      memoryMax: 1KiB\n");
    StewardConfig config = ConfigLoader.forThisMachine().load(target.config());
    ServiceActivitiesImpl service = new ServiceActivitiesImpl();
    try (LoopbackTemporalServer server = LoopbackTemporalServer.start();
        StewardMetrics metrics = new StewardMetrics();
        MetricsServer endpoint = MetricsServer.start(metrics, 0);
        TemporalConnection connection =
            TemporalConnection.connect(
                new TemporalSettings(server.address(), "default"),
                metrics.scope(),
                Duration.ofSeconds(10))) {
      new SearchAttributeSetup(connection.client()).register(); // As steward setup does.
      WorkerFactory worker = StewardWorker.start(connection.client(), () -> config, config.host());
      MonitorWorkflow monitor = null;
      try {
        service.restartService(config.targets().get(TestTarget.NAME));
        assertTrue(service.verifyHealth(config.targets().get(TestTarget.NAME)).healthy());
        monitor =
            Pipelines.startMonitor(
                connection.client(), TestTarget.NAME, config.host(), false, Clock.systemUTC());

        String scraped =
            scrapeUntil(endpoint.port(), "steward_active_alerts{", "steward_monitor_memory_bytes{");

        assertEquals(List.of("memory"), monitor.state().alerts(), monitor.state().toString());
        assertTrue(
            matches(scraped, "steward_active_alerts\\{[^}]*target=\"demo\"[^}]*\\} 1\\.0"),
            scraped);
        assertTrue(
            matches(scraped, "steward_monitor_up\\{[^}]*target=\"demo\"[^}]*\\} 1\\.0"), scraped);
        Matcher memory =
            Pattern.compile(
                    "steward_monitor_memory_bytes\\{[^}]*target=\"demo\"[^}]*\\} ([0-9.E]+)")
                .matcher(scraped);
        assertTrue(memory.find(), scraped);
        assertTrue(Double.parseDouble(memory.group(1)) > 1024, "the service uses over 1 KiB");
        assertTrue(
            matches(
                scraped, "steward_monitor_disk_free_percent\\{[^}]*target=\"demo\"[^}]*\\} [0-9]"),
            scraped);
      } finally {
        if (monitor != null) {
          WorkflowStub.fromTyped(monitor).terminate("test over");
        }
        service.stopService(config.targets().get(TestTarget.NAME));
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  /** The SDK reports every second; poll the endpoint until the run's metrics show up. */
  private static String scrapeUntil(int port, String... metrics) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(10))
            .build();
    String[] body = {""};
    Await.until(
        "the metrics endpoint to show " + String.join(", ", metrics),
        Duration.ofMinutes(1),
        () -> {
          try {
            HttpResponse<String> response =
                http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            body[0] = response.body();
          } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError("cannot scrape " + request.uri(), e);
          }
          return containsAll(body[0], metrics);
        },
        () -> body[0]);
    return body[0];
  }

  private static boolean containsAll(String body, String... metrics) {
    for (String metric : metrics) {
      if (!body.contains(metric)) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(String text, String regex) {
    return Pattern.compile(regex).matcher(text).find();
  }
}
