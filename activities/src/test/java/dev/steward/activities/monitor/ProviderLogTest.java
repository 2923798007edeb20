package dev.steward.activities.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider error rate from log files written in Hermes Agent's real line format. */
class ProviderLogTest {
  private static final ZoneId ZONE = ZoneId.of("Europe/London");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 29, 10, 0);

  @TempDir Path tmp;

  @Test
  void counts_calls_failed_attempts_by_status_and_final_failures_in_the_window() throws Exception {
    Path log = tmp.resolve("agent.log");
    List<String> lines = new ArrayList<>();
    lines.add(call(NOW.minusMinutes(90), 1)); // Before the window: not counted.
    lines.add(failed(NOW.minusMinutes(70), "HTTP 429: Too Many Requests"));
    for (int i = 0; i < 6; i++) {
      lines.add(call(NOW.minusMinutes(50 - i), 2 + i));
    }
    lines.add(failed(NOW.minusMinutes(40), "HTTP 429: Too Many Requests"));
    lines.add(failed(NOW.minusMinutes(39), "HTTP 502 — Bad Gateway"));
    lines.add(failedWithoutStatus(NOW.minusMinutes(38)));
    lines.add(finalFailure(NOW.minusMinutes(38)));
    lines.add("Traceback (most recent call last):"); // A continuation line: ignored.
    lines.add(info(NOW.minusMinutes(5), "gateway.platforms.whatsapp: message received"));
    Files.write(log, lines);

    ProviderLog.Window window = hermes().read(log, since(60));

    assertEquals(6, window.calls());
    assertEquals(3, window.failedAttempts());
    assertEquals(1, window.finalFailures());
    assertEquals(new TreeMap<>(Map.of("429", 1, "502", 1, "none", 1)), window.byStatus());
    assertEquals(100.0 * 3 / 9, window.errorPercent(), 1e-9);
  }

  @Test
  void reads_the_rotated_log_too_and_counts_lines_a_restore_brought_back_only_once()
      throws Exception {
    Path log = tmp.resolve("agent.log");
    Path rotated = tmp.resolve("agent.log.1");
    // 50 to 30 minutes ago: written, then rotated into agent.log.1.
    List<String> old = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      old.add(call(NOW.minusMinutes(50 - i), i));
    }
    old.add(failed(NOW.minusMinutes(40), "HTTP 429: rate limited"));
    old.add(failed(NOW.minusMinutes(39), "HTTP 429: rate limited"));
    Files.write(rotated, old);
    // A restore then rewound agent.log to a snapshot holding the first lines of that period, and
    // the service appended new lines after it.
    List<String> current = new ArrayList<>(old.subList(0, 3));
    current.add(call(NOW.minusMinutes(10), 10));
    current.add(failed(NOW.minusMinutes(9), "HTTP 429: rate limited"));
    current.add(call(NOW.minusMinutes(8), 11));
    Files.write(log, current);

    ProviderLog.Window window = hermes().read(log, since(60));

    assertEquals(6, window.calls(), "4 from agent.log.1, 2 new; the 3 restored lines once");
    assertEquals(3, window.failedAttempts());
    assertEquals(new TreeMap<>(Map.of("429", 3)), window.byStatus());
  }

  @Test
  void reads_only_the_window_from_the_end_of_a_large_log() throws Exception {
    Path log = tmp.resolve("agent.log");
    try (BufferedWriter out = Files.newBufferedWriter(log)) {
      LocalDateTime t = NOW.minusDays(2);
      for (int i = 0; i < 200_000; i++) {
        out.write(call(t.plusSeconds(i / 2), i));
        out.newLine();
      }
      out.write(failed(NOW.minusMinutes(3), "HTTP 429: slow down"));
      out.newLine();
      out.write(call(NOW.minusMinutes(2), 200_001));
      out.newLine();
    }

    ProviderLog.Window window = hermes().read(log, since(60));

    assertEquals(1, window.calls());
    assertEquals(1, window.failedAttempts());
    long size = Files.size(log);
    assertTrue(size > 20_000_000, "the log is large: " + size);
    assertTrue(window.bytesRead() <= 512 * 1024, "read " + window.bytesRead() + " of " + size);
  }

  @Test
  void counts_another_services_lines_with_its_own_patterns() throws Exception {
    Path log = tmp.resolve("bot.log");
    Files.write(
        log,
        List.of(
            stamp(NOW.minusMinutes(20)) + " request to model ok",
            stamp(NOW.minusMinutes(19)) + " request to model ok",
            stamp(NOW.minusMinutes(18)) + " request to model FAILED status=503",
            stamp(NOW.minusMinutes(17)) + " request to model ok"));

    ProviderLog.Window window =
        ProviderLog.matching("request to model ok", "request to model FAILED", ZONE)
            .read(log, since(60));

    assertEquals(3, window.calls());
    assertEquals(1, window.failedAttempts());
    assertEquals(25.0, window.errorPercent(), 1e-9);
  }

  private static ProviderLog hermes() {
    return ProviderLog.hermes(ZONE);
  }

  private static Instant since(int minutes) {
    return NOW.minusMinutes(minutes).atZone(ZONE).toInstant();
  }

  private static String stamp(LocalDateTime time) {
    return STAMP.format(time);
  }

  private static String info(LocalDateTime time, String message) {
    return stamp(time) + " INFO " + message;
  }

  private static String call(LocalDateTime time, int n) {
    return stamp(time)
        + " INFO [20261129_095012_ab12cd] run_agent: API call #"
        + n
        + ": model=anthropic/claude-sonnet-4 provider=openrouter in=5120 out=812 total=5932"
        + " latency=3.4s cache=4096/5120 (80%)";
  }

  private static String failed(LocalDateTime time, String summary) {
    return stamp(time)
        + " WARNING [20261129_095012_ab12cd] run_agent: API call failed (attempt 1/3)"
        + " error_type=RateLimitError thread=main provider=openrouter"
        + " base_url=https://openrouter.ai/api/v1 model=anthropic/claude-sonnet-4 summary="
        + summary;
  }

  private static String failedWithoutStatus(LocalDateTime time) {
    return stamp(time)
        + " WARNING run_agent: API call failed (attempt 2/3) error_type=APITimeoutError"
        + " thread=main provider=openrouter base_url=https://openrouter.ai/api/v1"
        + " model=anthropic/claude-sonnet-4";
  }

  private static String finalFailure(LocalDateTime time) {
    return stamp(time)
        + " ERROR run_agent: API call failed after 3 retries. Request timed out. |"
        + " provider=openrouter model=anthropic/claude-sonnet-4 msgs=14 tokens=~18000";
  }
}
