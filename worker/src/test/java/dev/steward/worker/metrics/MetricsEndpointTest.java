package dev.steward.worker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.service.ServiceActivitiesImpl;
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
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
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
    try (StewardMetrics metrics = new StewardMetrics()) {
      String scraped = Scrapes.afterOneUpdate(tmp, metrics);

      // Steward's own series carry only their own labels, none of the SDK's.
      assertTrue(
          scraped.contains("steward_runs_total{kind=\"update\",outcome=\"unchanged\"} 1.0"),
          scraped);
      assertTrue(
          scraped.contains(
              "steward_step_duration_seconds_count{status=\"ok\",step=\"snapshot\"} 1"),
          scraped);
      // A few buckets at the scale of a host's steps, not the SDK's ~70.
      assertTrue(
          scraped.contains(
              "steward_step_duration_seconds_bucket{status=\"ok\",step=\"snapshot\",le=\"60.0\"} 1"),
          scraped);
      assertTrue(
          matches(
              scraped,
              "temporal_workflow_completed_total\\{namespace=\"default\",task_queue=\"steward\",workflow_type=\"UpdateWorkflow\"\\} 1\\.0"),
          scraped);
      assertTrue(
          matches(
              scraped,
              "temporal_activity_execution_latency_seconds_count\\{activity_type=\"TakeSnapshot\",[^}]*\\} 1"),
          scraped);
      // No placeholder label, no SDK internals, no bucket but the steps'.
      assertFalse(scraped.contains("=\"none\""), scraped);
      assertFalse(scraped.contains("temporal_sticky_cache"), scraped);
      // The poller's copy of schedule-to-start, without an activity type, would count tasks twice.
      assertFalse(
          scraped.contains("temporal_activity_schedule_to_start_latency_seconds_count{namespace="),
          scraped);
      assertFalse(scraped.contains("temporal_long_request_latency"), scraped);
      assertFalse(matches(scraped, "(?m)^temporal_\\w+_bucket"), scraped);
      Matcher age =
          Pattern.compile("steward_seconds_since_last_success\\{target=\"demo\"\\} ([0-9.E]+)")
              .matcher(scraped);
      assertTrue(age.find(), scraped);
      assertTrue(Double.parseDouble(age.group(1)) < 600, "the run just succeeded");
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
            Scrapes.until(
                () -> Scrapes.get(endpoint.port()),
                "steward_active_alerts{",
                "steward_monitor_memory_bytes{");

        assertEquals(List.of("memory"), monitor.state().alerts(), monitor.state().toString());
        assertTrue(scraped.contains("steward_active_alerts{target=\"demo\"} 1.0"), scraped);
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

  private static boolean matches(String text, String regex) {
    return Pattern.compile(regex).matcher(text).find();
  }
}
