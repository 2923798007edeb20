package dev.steward.workflows.monitor;

import dev.steward.workflows.host.Measurement;
import dev.steward.workflows.host.Metric;
import dev.steward.workflows.host.Notice;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.notify.Notices;
import java.util.ArrayList;
import java.util.List;

/**
 * Alerts once per incident: a notice when a metric goes beyond its threshold, one when it is back.
 */
final class Alerts {
  private final TargetPlan plan;

  Alerts(TargetPlan plan) {
    this.plan = plan;
  }

  /** Sends what changed since {@code active} and returns the metrics whose alert is now active. */
  List<String> update(List<String> active, Measurement measurement) {
    List<String> now = new ArrayList<>();
    for (Metric metric : measurement.metrics()) {
      boolean was = active.contains(metric.name());
      if (metric.alert()) {
        now.add(metric.name());
        if (!was) {
          send(alertSeverity(metric), "alert", metric);
        }
      } else if (was && !Metric.UNKNOWN.equals(metric.state())) {
        send(Notice.INFO, "resolved", metric);
      } else if (was) {
        now.add(metric.name()); // Unknown is not resolved: keep the alert until it is measured ok.
      }
    }
    return now;
  }

  private void send(String severity, String what, Metric metric) {
    String title = plan.target() + ": " + metric.name() + " " + what;
    String threshold =
        metric.threshold().isEmpty() ? "" : " (threshold: " + metric.threshold() + ")";
    Notices.send(
        plan,
        Notices.of(plan, severity, title, metric.name() + ": " + metric.value() + threshold, null));
  }

  /** A service that is down is critical; any other metric beyond its threshold is a warning. */
  private static String alertSeverity(Metric metric) {
    return Metric.UP.equals(metric.name()) ? Notice.CRITICAL : Notice.WARNING;
  }
}
