package dev.steward.worker.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.schedules.ScheduleCalendarSpec;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleRange;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schedules in words, from specs shaped as the server returns them (a cron expression comes back as
 * a calendar). What a real server returns is checked by ScheduleServerTest.
 */
class ScheduleTextTest {
  @Test
  void writes_an_interval_as_every_with_its_unit() {
    ScheduleSpec spec =
        ScheduleSpec.newBuilder()
            .setIntervals(List.of(new ScheduleIntervalSpec(Duration.ofSeconds(30))))
            .build();

    assertEquals("every 30s, no jitter", ScheduleText.when(spec));
  }

  @Test
  void writes_a_daily_calendar_as_a_time_of_day_in_its_zone() {
    ScheduleSpec spec =
        ScheduleSpec.newBuilder()
            .setCalendars(List.of(calendar(0, 30, 4, List.of(new ScheduleRange(0, 6)))))
            .setTimeZoneName("Europe/London")
            .setJitter(Duration.ofMinutes(10))
            .build();

    assertEquals("daily at 04:30 Europe/London, jitter 10m", ScheduleText.when(spec));
  }

  @Test
  void writes_any_other_calendar_as_cron_fields_with_seconds() {
    ScheduleSpec spec =
        ScheduleSpec.newBuilder()
            .setCalendars(List.of(calendar(0, 0, 3, List.of(new ScheduleRange(1, 5)))))
            .setTimeZoneName("UTC")
            .build();

    assertEquals(
        "calendar \"0 0 3 * * 1-5\" (second minute hour day-of-month month day-of-week) UTC,"
            + " no jitter",
        ScheduleText.when(spec));
  }

  @Test
  void writes_the_policy_and_a_pause_with_its_note() {
    SchedulePolicy policy =
        SchedulePolicy.newBuilder()
            .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
            .setCatchupWindow(Duration.ofDays(1))
            .build();

    assertEquals("overlap skip, catch-up 1d", ScheduleText.policy(policy));
    assertEquals(
        "PAUSED (deploy freeze)",
        ScheduleText.state(
            ScheduleState.newBuilder().setPaused(true).setNote("deploy freeze").build()));
    assertEquals("active", ScheduleText.state(ScheduleState.newBuilder().build()));
  }

  private static ScheduleCalendarSpec calendar(
      int second, int minute, int hour, List<ScheduleRange> daysOfWeek) {
    return ScheduleCalendarSpec.newBuilder()
        .setSeconds(List.of(new ScheduleRange(second)))
        .setMinutes(List.of(new ScheduleRange(minute)))
        .setHour(List.of(new ScheduleRange(hour)))
        .setDayOfMonth(List.of(new ScheduleRange(1, 31)))
        .setMonth(List.of(new ScheduleRange(1, 12)))
        .setDayOfWeek(daysOfWeek)
        .build();
  }
}
