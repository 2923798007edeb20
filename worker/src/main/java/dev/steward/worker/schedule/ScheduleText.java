package dev.steward.worker.schedule;

import dev.steward.worker.config.Quantities;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.schedules.ScheduleActionExecution;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleActionResult;
import io.temporal.client.schedules.ScheduleCalendarSpec;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleInfo;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleRange;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A schedule as the server reports it, in words: {@code every 30s}, {@code daily at 03:00
 * Europe/London}, the policies, and what it did. The server returns a cron expression as a
 * calendar, so a calendar is written back as cron fields.
 */
public final class ScheduleText {
  private ScheduleText() {}

  /** What {@code steward schedule describe} prints: a line each, the id first. */
  public static List<String> describe(ScheduleDescription schedule) {
    ScheduleInfo info = schedule.getInfo();
    List<String> lines = new ArrayList<>();
    lines.add(schedule.getId());
    lines.add("  when: " + when(schedule.getSchedule().getSpec()));
    lines.add("  policy: " + policy(schedule.getSchedule().getPolicy()));
    lines.add("  state: " + state(schedule.getSchedule().getState()));
    lines.add("  next runs: " + joined(info.getNextActionTimes().stream().limit(3).toList()));
    lines.add(
        "  actions: "
            + info.getNumActions()
            + " started, "
            + info.getNumActionsSkippedOverlap()
            + " skipped (a run was still going), "
            + info.getNumActionsMissedCatchupWindow()
            + " missed (past the catch-up window)");
    lines.add(
        "  running: "
            + joined(info.getRunningActions().stream().map(ScheduleText::workflowId).toList()));
    for (ScheduleActionResult action : info.getRecentActions()) {
      lines.add(
          "  recent: "
              + workflowId(action.getAction())
              + " scheduled "
              + action.getScheduledAt()
              + ", started "
              + action.getStartedAt().truncatedTo(ChronoUnit.SECONDS));
    }
    return lines;
  }

  /** When a spec runs, e.g. {@code every 30s}, {@code daily at 03:00 UTC, jitter 10m}. */
  public static String when(ScheduleSpec spec) {
    List<String> times = new ArrayList<>();
    for (ScheduleIntervalSpec interval : orEmpty(spec.getIntervals())) {
      boolean offset = interval.getOffset() != null && !interval.getOffset().isZero();
      times.add(
          "every "
              + millis(interval.getEvery())
              + (offset ? " offset " + millis(interval.getOffset()) : ""));
    }
    String zone = spec.getTimeZoneName() == null ? "UTC" : spec.getTimeZoneName();
    for (ScheduleCalendarSpec calendar : orEmpty(spec.getCalendars())) {
      times.add(calendar(calendar) + " " + zone);
    }
    for (String cron : orEmpty(spec.getCronExpressions())) {
      times.add("cron \"" + cron + "\" " + zone);
    }
    String when = times.isEmpty() ? "never (no times in the spec)" : String.join(" and ", times);
    return when + ", " + jitter(spec.getJitter());
  }

  /** {@code jitter 10m}, or {@code no jitter}. */
  static String jitter(Duration jitter) {
    return jitter == null || jitter.isZero() ? "no jitter" : "jitter " + millis(jitter);
  }

  static String policy(SchedulePolicy policy) {
    ScheduleOverlapPolicy overlap = policy.getOverlap();
    String name =
        overlap == null
            ? "skip"
            : overlap
                .name()
                .replace("SCHEDULE_OVERLAP_POLICY_", "")
                .replace('_', ' ')
                .toLowerCase(Locale.ROOT);
    Duration catchup = policy.getCatchupWindow();
    return "overlap "
        + name
        + ", catch-up "
        + (catchup == null ? "the server's default" : millis(catchup))
        + (policy.isPauseOnFailure() ? ", pause on failure" : "");
  }

  static String state(ScheduleState state) {
    if (!state.isPaused()) {
      return "active";
    }
    String note = state.getNote();
    return note == null || note.isBlank() ? "PAUSED" : "PAUSED (" + note + ")";
  }

  /** A daily time as {@code daily at HH:MM}; anything else as cron fields with seconds. */
  private static String calendar(ScheduleCalendarSpec c) {
    String dom = field(c.getDayOfMonth(), 1, 31);
    String month = field(c.getMonth(), 1, 12);
    String dow = field(c.getDayOfWeek(), 0, 6);
    boolean everyDay = dom.equals("*") && month.equals("*") && dow.equals("*");
    if (everyDay && single(c.getHour()) && single(c.getMinutes()) && isZero(c.getSeconds())) {
      return String.format(
          "daily at %02d:%02d", c.getHour().get(0).getStart(), c.getMinutes().get(0).getStart());
    }
    return "calendar \""
        + String.join(
            " ",
            field(c.getSeconds(), 0, 59),
            field(c.getMinutes(), 0, 59),
            field(c.getHour(), 0, 23),
            dom,
            month,
            dow)
        + "\" (second minute hour day-of-month month day-of-week)";
  }

  private static String field(List<ScheduleRange> ranges, int min, int max) {
    if (ranges == null || ranges.isEmpty()) {
      return "*";
    }
    if (ranges.size() == 1) {
      ScheduleRange r = ranges.get(0);
      if (r.getStart() <= min && end(r) >= max && r.getStep() <= 1) {
        return "*";
      }
    }
    return ranges.stream().map(ScheduleText::range).collect(Collectors.joining(","));
  }

  private static String range(ScheduleRange r) {
    String text = end(r) == r.getStart() ? "" + r.getStart() : r.getStart() + "-" + end(r);
    return r.getStep() > 1 ? text + "/" + r.getStep() : text;
  }

  private static int end(ScheduleRange r) {
    return Math.max(r.getEnd(), r.getStart());
  }

  private static boolean single(List<ScheduleRange> ranges) {
    return ranges != null && ranges.size() == 1 && end(ranges.get(0)) == ranges.get(0).getStart();
  }

  private static boolean isZero(List<ScheduleRange> ranges) {
    return ranges == null || ranges.isEmpty() || (single(ranges) && ranges.get(0).getStart() == 0);
  }

  private static String workflowId(ScheduleActionExecution action) {
    return action instanceof ScheduleActionExecutionStartWorkflow start
        ? start.getWorkflowId()
        : String.valueOf(action);
  }

  private static String joined(List<?> items) {
    return items.isEmpty()
        ? "none"
        : items.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static String millis(Duration duration) {
    return Quantities.formatMillis(duration.toMillis());
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
