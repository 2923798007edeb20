package dev.steward.workflows.monitor;

import com.uber.m3.tally.Scope;
import dev.steward.workflows.host.Metric;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Map;

/**
 * The monitor's last cycle as Prometheus gauges, per target: {@code steward_active_alerts} and one
 * gauge per measured metric. They go through the workflow's metrics scope, the worker's one
 * registry, and that scope is silent while replaying, so a replayed cycle does not set them again.
 * Workflow code.
 */
final class MonitorGauges {
  static final String ACTIVE_ALERTS = "steward_active_alerts";

  /** Each metric's gauge; {@code update} has none here (its age is read from the status file). */
  private static final Map<String, String> GAUGES =
      Map.of(
          Metric.UP, "steward_monitor_up",
          Metric.DISK, "steward_monitor_disk_free_percent",
          Metric.MEMORY, "steward_monitor_memory_bytes",
          Metric.ERRORS, "steward_monitor_error_percent");

  private MonitorGauges() {}

  /** Sets the gauges of {@code target}; a metric not measured this cycle reads NaN, not stale. */
  static void record(String target, List<Metric> metrics, List<String> activeAlerts) {
    Scope scope = Workflow.getMetricsScope().tagged(Map.of("target", target));
    scope.gauge(ACTIVE_ALERTS).update(activeAlerts.size());
    for (Metric metric : metrics) {
      String gauge = GAUGES.get(metric.name());
      if (gauge != null) {
        scope.gauge(gauge).update(metric.reading() == null ? Double.NaN : metric.reading());
      }
    }
  }
}
