package dev.steward.worker.metrics;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The size of one scrape after a single update run, before and after {@link MeterCatalog}. "Before"
 * is the SDK's metrics as a plain Prometheus registry records them (the worker's wiring until issue
 * 15); "after" is {@link StewardMetrics}'s endpoint. Not a test: surefire runs it only when {@code
 * -Dtest} names it; docs/benchmarks.md has the command and the last figures.
 */
class MetricsScrapeBenchmark {
  @TempDir Path tmp;

  @Test
  void scrape_size_after_one_update_before_and_after_the_catalog() throws Exception {
    String before;
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Closing the scope closes its reporter, and that the registry.
    try (Scope scope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(1))) {
      before = Scrapes.afterOneUpdate(tmp.resolve("before"), scope, config -> {}, registry::scrape);
    }
    String after;
    try (StewardMetrics metrics = new StewardMetrics()) {
      after = Scrapes.afterOneUpdate(tmp.resolve("after"), metrics);
    }
    System.out.println("| scrape | lines | series | metric families | bytes |");
    System.out.println("|---|---|---|---|---|");
    print("before: the SDK's registry as is", before);
    print("after: MeterCatalog", after);
    System.out.println("---- the scrape after ----");
    System.out.print(after);
  }

  private static void print(String what, String scrape) {
    long lines = scrape.lines().count();
    long series = scrape.lines().filter(line -> !line.startsWith("#")).count();
    long families = scrape.lines().filter(line -> line.startsWith("# TYPE ")).count();
    System.out.printf(
        "| %s | %d | %d | %d | %d |%n", what, lines, series, families, scrape.length());
  }
}
