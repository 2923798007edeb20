package dev.steward.workflows.update;

import dev.steward.workflows.host.ControlPlan.WindowPlan;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A maintenance window's arithmetic: pure functions of an instant, so workflow code can use it with
 * {@code Workflow.currentTimeMillis()}.
 */
final class MaintenanceWindow {
  private final Set<DayOfWeek> days;
  private final LocalTime from;
  private final LocalTime to;
  private final ZoneId zone;

  MaintenanceWindow(WindowPlan plan) {
    this.days =
        plan.days().stream().map(MaintenanceWindow::dayOf).collect(Collectors.toUnmodifiableSet());
    this.from = LocalTime.parse(plan.from());
    this.to = LocalTime.parse(plan.to());
    this.zone = ZoneId.of(plan.timezone());
  }

  /** When the window that contains {@code now} closes; empty when {@code now} is outside. */
  Optional<Instant> closingOf(Instant now) {
    LocalDate today = now.atZone(zone).toLocalDate();
    // The window that opened yesterday may still be open when it runs past midnight.
    for (LocalDate day : new LocalDate[] {today.minusDays(1), today}) {
      ZonedDateTime opens = opening(day);
      ZonedDateTime closes = closing(day);
      if (days.contains(day.getDayOfWeek())
          && !now.isBefore(opens.toInstant())
          && now.isBefore(closes.toInstant())) {
        return Optional.of(closes.toInstant());
      }
    }
    return Optional.empty();
  }

  /** The next time the window opens after {@code now} (within the coming week). */
  Instant nextOpening(Instant now) {
    LocalDate day = now.atZone(zone).toLocalDate();
    for (int i = 0; i <= 7; i++, day = day.plusDays(1)) {
      Instant opens = opening(day).toInstant();
      if (days.contains(day.getDayOfWeek()) && opens.isAfter(now)) {
        return opens;
      }
    }
    throw new IllegalStateException("a window with days " + days + " never opens");
  }

  private ZonedDateTime opening(LocalDate day) {
    return day.atTime(from).atZone(zone);
  }

  private ZonedDateTime closing(LocalDate day) {
    LocalDate closingDay = to.isAfter(from) ? day : day.plusDays(1);
    return closingDay.atTime(to).atZone(zone);
  }

  private static DayOfWeek dayOf(String name) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT))) {
        return day;
      }
    }
    throw new IllegalArgumentException("not a day: " + name);
  }
}
