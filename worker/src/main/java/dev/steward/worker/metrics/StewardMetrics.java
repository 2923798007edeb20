package dev.steward.worker.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import dev.steward.workflows.host.TargetPlan;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The worker's metrics in one Prometheus registry: the SDK's worker and client metrics (through
 * {@link MicrometerClientStatsReporter}); the workflows' own, reported through the same scope
 * ({@code steward_runs_total{kind,outcome}}, {@code steward_step_duration_seconds{step,status}},
 * and the monitor's gauges per target: {@code steward_active_alerts}, {@code steward_monitor_up},
 * {@code steward_monitor_disk_free_percent}, {@code steward_monitor_memory_bytes}, {@code
 * steward_monitor_error_percent}); and what the host knows: {@code
 * steward_seconds_since_last_success{target}} from each target's status file. {@link MeterCatalog}
 * describes each, keeps its meaningful labels and drops the SDK's internals.
 */
public final class StewardMetrics implements AutoCloseable {
  private static final Duration REPORT_EVERY = Duration.ofSeconds(1);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Scope scope;
  // Micrometer holds gauge objects weakly: without these references a gauge would turn NaN.
  private final List<StatusFileAge> watched = new CopyOnWriteArrayList<>();

  public StewardMetrics() {
    // Before the first meter: a filter applies only to meters registered after it.
    registry.config().meterFilter(new MeterCatalog());
    scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofMillis(REPORT_EVERY.toMillis()));
  }

  /** The scope to give the SDK's service stubs: worker, client and workflow metrics go there. */
  public Scope scope() {
    return scope;
  }

  /**
   * Exposes, per target, the seconds since its status file last recorded a successful update. Read
   * at each scrape; NaN when the last run did not succeed or no run wrote a status file yet.
   */
  public void watchStatusFiles(Collection<TargetPlan> targets, Clock clock) {
    for (TargetPlan plan : targets) {
      StatusFileAge age = new StatusFileAge(Path.of(plan.state()), clock);
      watched.add(age);
      Gauge.builder("steward_seconds_since_last_success", age, StatusFileAge::secondsSinceSuccess)
          .tag("target", plan.target())
          .register(registry);
    }
  }

  /** Everything, in Prometheus's text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    try {
      scope.close();
    } catch (ScopeCloseException e) {
      // Closing flushes the last report; metrics lost at shutdown are not worth failing over.
    }
    registry.close();
  }
}
