package dev.steward.activities.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model provider's error rate over a window, from an agent's log. It understands Hermes Agent's
 * lines (see hermes-facts.md): {@code API call #N: model=… } for a call that worked, {@code API
 * call failed (attempt x/y) … summary=HTTP 429: …} for a failed attempt, {@code API call failed
 * after N retries} for a final failure; or two regexes for any other service.
 *
 * <p>It reads each file backwards only as far as the window reaches, the current log and its
 * rotated predecessor ({@code agent.log.1}) both, and counts a line once even when it is in both:
 * after a restore rewound the current log, lines already rotated away come back.
 */
public final class ProviderLog {
  private static final Pattern STAMP =
      Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2})(?:[,.](\\d{1,3}))?");
  private static final Pattern HERMES_CALL = Pattern.compile("API call #\\d+: model=");
  private static final Pattern HERMES_FAILED = Pattern.compile("API call failed \\(attempt ");
  private static final Pattern HERMES_FINAL = Pattern.compile("API call failed after \\d+ retries");
  private static final Pattern HTTP_STATUS = Pattern.compile("HTTP (\\d{3})");

  /**
   * What the window held.
   *
   * @param calls model calls that worked
   * @param failedAttempts attempts that failed (each retry counts)
   * @param finalFailures calls that failed after every retry
   * @param byStatus failed attempts by HTTP status ({@code 429}, {@code 502}, or {@code none})
   * @param bytesRead how much of the files was read
   */
  public record Window(
      int calls,
      int failedAttempts,
      int finalFailures,
      TreeMap<String, Integer> byStatus,
      long bytesRead) {

    /** Failed attempts as a percentage of all attempts; 0 when there were none. */
    public double errorPercent() {
      int attempts = calls + failedAttempts;
      return attempts == 0 ? 0 : 100.0 * failedAttempts / attempts;
    }
  }

  private final Pattern call;
  private final Pattern failed;
  private final ZoneId zone;

  /** Hermes Agent's format, local time in {@code zone}. */
  public static ProviderLog hermes(ZoneId zone) {
    return new ProviderLog(HERMES_CALL, HERMES_FAILED, zone);
  }

  /** Another service's format: a line matching {@code call} is a call, {@code error} a failure. */
  public static ProviderLog matching(String call, String error, ZoneId zone) {
    return new ProviderLog(Pattern.compile(call), Pattern.compile(error), zone);
  }

  private ProviderLog(Pattern call, Pattern failed, ZoneId zone) {
    this.call = call;
    this.failed = failed;
    this.zone = zone;
  }

  /** Counts the lines of {@code log} and {@code log.1} stamped at or after {@code since}. */
  public Window read(Path log, Instant since) throws IOException {
    Set<String> lines = new LinkedHashSet<>();
    long bytes = 0;
    for (Path file : List.of(log.resolveSibling(log.getFileName() + ".1"), log)) {
      if (Files.isReadable(file)) {
        long[] read = {0};
        for (String line : LogTail.linesFromEnd(file, l -> before(l, since), read)) {
          if (stamp(line).map(t -> !t.isBefore(since)).orElse(false)) {
            lines.add(line);
          }
        }
        bytes += read[0];
      }
    }
    return count(new ArrayList<>(lines), bytes);
  }

  private Window count(List<String> lines, long bytes) {
    int calls = 0;
    int failures = 0;
    int finals = 0;
    TreeMap<String, Integer> byStatus = new TreeMap<>();
    for (String line : lines) {
      if (call.matcher(line).find()) {
        calls++;
      } else if (failed.matcher(line).find()) {
        failures++;
        Matcher status = HTTP_STATUS.matcher(line);
        byStatus.merge(status.find() ? status.group(1) : "none", 1, Integer::sum);
      } else if (HERMES_FINAL.matcher(line).find()) {
        finals++;
      }
    }
    return new Window(calls, failures, finals, byStatus, bytes);
  }

  private boolean before(String line, Instant since) {
    return stamp(line).map(t -> t.isBefore(since)).orElse(false);
  }

  private Optional<Instant> stamp(String line) {
    Matcher m = STAMP.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    String millis = m.group(3) == null ? "000" : (m.group(3) + "00").substring(0, 3);
    LocalDateTime time =
        LocalDateTime.parse(
            m.group(1) + "T" + m.group(2) + "." + millis, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    return Optional.of(time.atZone(zone).toInstant());
  }
}
