package dev.steward.worker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * Prometheus's own linter on a real scrape: the worker's real endpoint, after a real update run on
 * a real worker, read over HTTP and given to {@code promtool check metrics} (Debian's {@code
 * prometheus} package). Without promtool the test is skipped saying so; with {@code
 * STEWARD_REQUIRE_PROMTOOL=1} (CI) that is a failure instead.
 */
class PromtoolCheckTest {
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  @TempDir Path tmp;

  @Test
  void promtool_accepts_the_scrape_after_an_update_without_a_warning() throws Exception {
    requirePromtool();
    Path scrape = tmp.resolve("scrape.prom");
    try (StewardMetrics metrics = new StewardMetrics()) {
      Files.writeString(scrape, Scrapes.afterOneUpdate(tmp.resolve("target"), metrics));
    }

    Process promtool =
        new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
            .redirectInput(scrape.toFile())
            .redirectErrorStream(true)
            .start();
    // Lint problems are printed one a line (e.g. "steward_runs_total no help text"), exit 3.
    String report = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    promtool.waitFor(1, TimeUnit.MINUTES);

    assertEquals("", report, "promtool check metrics on " + Files.readString(scrape));
    assertEquals(0, promtool.exitValue(), report);
  }

  private static void requirePromtool() {
    if (Files.isExecutable(PROMTOOL)) {
      return;
    }
    String reason = "no " + PROMTOOL + " (install Debian's prometheus package)";
    if ("1".equals(System.getenv("STEWARD_REQUIRE_PROMTOOL"))) {
      throw new IllegalStateException(reason + "; STEWARD_REQUIRE_PROMTOOL=1 requires it");
    }
    System.err.println("PromtoolCheckTest skipped: " + reason);
    throw new TestAbortedException(reason);
  }
}
