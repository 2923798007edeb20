package dev.steward.activities.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.service.ServiceProbe;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.Metric;
import dev.steward.workflows.host.MonitorPlan;
import dev.steward.workflows.host.TargetPlan;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.OptionalLong;

/** Each of the five metrics, measured and judged against the plan's thresholds. */
final class Metrics {
  private static final String STATUS_FILE = ".auto-update-status.json";

  private final TargetPlan plan;
  private final MonitorPlan limits;
  private final Clock clock;
  private final ZoneId logZone;

  Metrics(TargetPlan plan, Clock clock, ZoneId logZone) {
    this.plan = plan;
    this.limits = plan.monitor();
    this.clock = clock;
    this.logZone = logZone;
  }

  Metric up() {
    HealthReport health = ServiceProbe.once(plan);
    return new Metric(
        Metric.UP,
        health.message(),
        "running and healthy",
        health.healthy() ? Metric.OK : Metric.ALERT,
        health.healthy() ? 1.0 : 0.0);
  }

  Metric disk() {
    String threshold = "at least " + percent(limits.diskFreeMinPercent()) + " free";
    try {
      FileStore store = Files.getFileStore(Path.of(plan.state()));
      double free = 100.0 * store.getUsableSpace() / store.getTotalSpace();
      String value =
          percent(free)
              + " free ("
              + bytes(store.getUsableSpace())
              + " of "
              + bytes(store.getTotalSpace())
              + ")";
      return new Metric(
          Metric.DISK,
          value,
          threshold,
          free < limits.diskFreeMinPercent() ? Metric.ALERT : Metric.OK,
          free);
    } catch (IOException e) {
      return new Metric(Metric.DISK, "cannot read: " + e.getMessage(), threshold, Metric.UNKNOWN);
    }
  }

  Metric memory() {
    long max = limits.memoryMaxBytes();
    String threshold = max > 0 ? "at most " + bytes(max) : "";
    OptionalLong used = ServiceProbe.memoryBytes(plan);
    if (used.isEmpty()) {
      return new Metric(Metric.MEMORY, "not running, or not measurable", threshold, Metric.UNKNOWN);
    }
    boolean over = max > 0 && used.getAsLong() > max;
    return new Metric(
        Metric.MEMORY,
        bytes(used.getAsLong()),
        threshold,
        over ? Metric.ALERT : Metric.OK,
        (double) used.getAsLong());
  }

  Metric errors() {
    String threshold = "at most " + percent(limits.errorRateMaxPercent()) + " of calls failing";
    if (limits.log() == null) {
      return new Metric(Metric.ERRORS, "no monitor.log configured", threshold, Metric.UNKNOWN);
    }
    ProviderLog parser =
        limits.callPattern() == null
            ? ProviderLog.hermes(logZone)
            : ProviderLog.matching(limits.callPattern(), limits.errorPattern(), logZone);
    try {
      ProviderLog.Window w =
          parser.read(
              Path.of(limits.log()), clock.instant().minusMillis(limits.errorWindowMillis()));
      String window =
          " in the last " + Duration.ofMillis(limits.errorWindowMillis()).toMinutes() + " min";
      if (w.calls() + w.failedAttempts() == 0) {
        return new Metric(Metric.ERRORS, "no model calls" + window, threshold, Metric.OK, 0.0);
      }
      String value =
          w.failedAttempts()
              + " of "
              + (w.calls() + w.failedAttempts())
              + " attempts failed ("
              + percent(w.errorPercent())
              + ")"
              + window
              + (w.byStatus().isEmpty() ? "" : ", by status " + w.byStatus())
              + (w.finalFailures() == 0 ? "" : ", " + w.finalFailures() + " gave up");
      boolean high = w.errorPercent() > limits.errorRateMaxPercent();
      return new Metric(
          Metric.ERRORS, value, threshold, high ? Metric.ALERT : Metric.OK, w.errorPercent());
    } catch (IOException e) {
      return new Metric(
          Metric.ERRORS,
          "cannot read " + limits.log() + ": " + e.getMessage(),
          threshold,
          Metric.UNKNOWN);
    }
  }

  Metric lastUpdate() {
    Path file = Path.of(plan.state(), STATUS_FILE);
    String threshold = "the last update succeeded";
    if (!Files.exists(file)) {
      return new Metric(Metric.UPDATE, "no update has run yet", threshold, Metric.UNKNOWN);
    }
    try {
      JsonNode status = new ObjectMapper().readTree(file.toFile());
      String word = status.path("status").asText("unknown");
      String value =
          word
              + " at "
              + status.path("timestamp").asText("?")
              + " ("
              + status.path("outcome").asText("?")
              + ")";
      return new Metric(
          Metric.UPDATE, value, threshold, "success".equals(word) ? Metric.OK : Metric.ALERT);
    } catch (IOException e) {
      return new Metric(
          Metric.UPDATE, "unreadable status file: " + e.getMessage(), threshold, Metric.UNKNOWN);
    }
  }

  private static String percent(double value) {
    return String.format(Locale.ROOT, "%.1f%%", value);
  }

  private static String bytes(long bytes) {
    double value = bytes;
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    for (; value >= 1024 && unit < units.length - 1; unit++) {
      value /= 1024;
    }
    return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
  }
}
