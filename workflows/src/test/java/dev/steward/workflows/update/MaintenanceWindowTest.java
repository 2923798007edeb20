package dev.steward.workflows.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.workflows.host.ControlPlan.WindowPlan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaintenanceWindowTest {
  private static final MaintenanceWindow WEEKDAY_NIGHTS =
      new MaintenanceWindow(
          new WindowPlan(List.of("mon", "tue", "wed", "thu", "fri"), "02:00", "05:00", "UTC"));

  @Test
  void is_open_between_from_and_to_on_its_days() {
    // 2026-11-30 is a Monday.
    assertEquals(
        Optional.of(Instant.parse("2026-11-30T05:00:00Z")),
        WEEKDAY_NIGHTS.closingOf(Instant.parse("2026-11-30T03:10:00Z")));
    assertEquals(Optional.empty(), WEEKDAY_NIGHTS.closingOf(Instant.parse("2026-11-30T05:00:00Z")));
  }

  @Test
  void opens_next_on_its_next_day_skipping_the_weekend() {
    // 2026-12-04 is a Friday; the window opens next on Monday the 7th.
    assertEquals(
        Instant.parse("2026-12-07T02:00:00Z"),
        WEEKDAY_NIGHTS.nextOpening(Instant.parse("2026-12-04T06:00:00Z")));
  }

  @Test
  void a_window_past_midnight_belongs_to_the_day_it_opens() {
    MaintenanceWindow saturdayNight =
        new MaintenanceWindow(new WindowPlan(List.of("sat"), "23:00", "02:00", "UTC"));

    // Sunday 01:00 is inside Saturday's window; Sunday 23:30 is not a window at all.
    assertEquals(
        Optional.of(Instant.parse("2026-12-06T02:00:00Z")),
        saturdayNight.closingOf(Instant.parse("2026-12-06T01:00:00Z")));
    assertEquals(Optional.empty(), saturdayNight.closingOf(Instant.parse("2026-12-06T23:30:00Z")));
  }

  @Test
  void follows_the_wall_clock_of_its_time_zone_across_daylight_saving() {
    MaintenanceWindow london =
        new MaintenanceWindow(
            new WindowPlan(
                List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
                "02:00",
                "05:00",
                "Europe/London"));

    // 02:00 in London is 01:00 UTC in summer and 02:00 UTC in winter.
    assertEquals(
        Instant.parse("2026-07-01T01:00:00Z"),
        london.nextOpening(Instant.parse("2026-06-30T12:00:00Z")));
    assertEquals(
        Instant.parse("2026-12-01T02:00:00Z"),
        london.nextOpening(Instant.parse("2026-11-30T12:00:00Z")));
  }
}
