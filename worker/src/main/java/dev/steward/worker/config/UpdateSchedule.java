package dev.steward.worker.config;

/**
 * When a target's update runs, from {@code targets.X.schedule.update}: the field guide's systemd
 * timer ({@code OnCalendar}, {@code RandomizedDelaySec}, {@code Persistent=true}) as a Temporal
 * Schedule. Exactly one of {@code at}, {@code cron} and {@code everyMillis} is set.
 *
 * @param at daily time {@code HH:MM} in {@code timezone}, or null
 * @param cron a cron expression ({@code "0 3 * * *"}), or null
 * @param everyMillis the interval between runs ({@code every: 30s}), or 0; runs fall on whole
 *     multiples of it since the Unix epoch, in no time zone
 * @param timezone an IANA time zone ({@code Europe/London}); {@code UTC} by default
 * @param jitterMillis a random delay up to this long before each run
 * @param catchupMillis how late a run missed while the server was down may still start
 */
public record UpdateSchedule(
    String at,
    String cron,
    long everyMillis,
    String timezone,
    long jitterMillis,
    long catchupMillis) {

  /** When it runs, for people: {@code daily at 03:00 UTC}, {@code cron "0 3 * * *" UTC}, … */
  public String when() {
    if (everyMillis > 0) {
      return "every " + Quantities.formatMillis(everyMillis);
    }
    if (at != null) {
      return "daily at " + at + " " + timezone;
    }
    return "cron \"" + cron + "\" " + timezone;
  }
}
