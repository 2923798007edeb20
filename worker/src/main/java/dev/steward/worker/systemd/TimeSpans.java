package dev.steward.worker.systemd;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the time spans {@code systemctl show} prints ({@code 1min 30s}, {@code 100ms}, {@code 0}).
 */
final class TimeSpans {
  /** A span systemd prints as {@code infinity}. */
  static final long INFINITE = Long.MAX_VALUE;

  private static final Pattern PART = Pattern.compile("(\\d+)\\s*([a-z]*)");
  private static final Map<String, Long> MICROS_PER_UNIT =
      Map.ofEntries(
          Map.entry("us", 1L),
          Map.entry("ms", 1_000L),
          Map.entry("", 1_000_000L),
          Map.entry("s", 1_000_000L),
          Map.entry("min", 60_000_000L),
          Map.entry("h", 3_600_000_000L),
          Map.entry("d", 86_400_000_000L),
          Map.entry("w", 604_800_000_000L),
          Map.entry("month", 2_629_800_000_000L),
          Map.entry("y", 31_557_600_000_000L));

  private TimeSpans() {}

  /** The span in milliseconds; {@link #INFINITE} for {@code infinity}. */
  static long millis(String span) {
    String text = span.strip();
    if (text.equals("infinity")) {
      return INFINITE;
    }
    long micros = 0;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      Long unit = MICROS_PER_UNIT.get(part.group(2));
      if (unit == null) {
        throw new SystemdException("cannot read the time span \"" + span + "\"");
      }
      micros += Long.parseLong(part.group(1)) * unit;
    }
    return micros / 1000;
  }
}
