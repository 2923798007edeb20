package dev.steward.worker.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.steward.worker.config.UpdateSchedule;
import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.update.UpdateRequest;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleCalendarSpec;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleRange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schedule built from a target's config, field by field. The calls that create it need a real
 * server; they are in ScheduleServerIT.
 */
class UpdateSchedulesTest {
  private static final UpdateSchedule NIGHTLY =
      new UpdateSchedule("03:00", null, 0, "Europe/London", 600_000, 86_400_000);

  @Test
  void runs_daily_at_the_configured_time_in_its_zone_with_jitter() {
    Schedule schedule = UpdateSchedules.build("hermes", "vps-1", NIGHTLY);

    ScheduleCalendarSpec calendar = schedule.getSpec().getCalendars().get(0);
    assertEquals(List.of(new ScheduleRange(3)), calendar.getHour());
    assertEquals(List.of(new ScheduleRange(0)), calendar.getMinutes());
    assertEquals(List.of(new ScheduleRange(0)), calendar.getSeconds());
    assertEquals("Europe/London", schedule.getSpec().getTimeZoneName());
    assertEquals(Duration.ofMinutes(10), schedule.getSpec().getJitter());
    assertNull(schedule.getSpec().getCronExpressions());
  }

  @Test
  void skips_a_run_that_would_overlap_and_catches_up_within_the_window() {
    Schedule schedule = UpdateSchedules.build("hermes", "vps-1", NIGHTLY);

    assertEquals(
        ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP, schedule.getPolicy().getOverlap());
    assertEquals(Duration.ofDays(1), schedule.getPolicy().getCatchupWindow());
  }

  @Test
  void starts_the_update_workflow_of_the_target_on_its_host() {
    Schedule schedule = UpdateSchedules.build("hermes", "vps-1", NIGHTLY);

    ScheduleActionStartWorkflow action = (ScheduleActionStartWorkflow) schedule.getAction();
    assertEquals("UpdateWorkflow", action.getWorkflowType());
    assertEquals("update/hermes/vps-1", action.getOptions().getWorkflowId());
    assertEquals(TaskQueues.WORKFLOWS, action.getOptions().getTaskQueue());
    assertEquals(
        new UpdateRequest("hermes", "vps-1"),
        action.getArguments().get(0, UpdateRequest.class, UpdateRequest.class));
    assertEquals(
        "hermes",
        action.getOptions().getTypedSearchAttributes().get(StewardSearchAttributes.TARGET));
  }

  @Test
  void uses_a_cron_expression_when_one_is_configured() {
    UpdateSchedule weekdays = new UpdateSchedule(null, "0 3 * * 1-5", 0, "UTC", 0, 3_600_000);

    Schedule schedule = UpdateSchedules.build("hermes", "vps-1", weekdays);

    assertEquals(List.of("0 3 * * 1-5"), schedule.getSpec().getCronExpressions());
    assertNull(schedule.getSpec().getCalendars());
    assertEquals("UTC", schedule.getSpec().getTimeZoneName());
  }

  @Test
  void uses_an_interval_when_every_is_configured() {
    UpdateSchedule often = new UpdateSchedule(null, null, 30_000, "UTC", 0, 300_000);

    Schedule schedule = UpdateSchedules.build("hermes", "vps-1", often);

    assertEquals(
        List.of(new ScheduleIntervalSpec(Duration.ofSeconds(30))),
        schedule.getSpec().getIntervals());
    assertNull(schedule.getSpec().getCalendars());
    assertNull(schedule.getSpec().getCronExpressions());
    assertEquals(Duration.ofMinutes(5), schedule.getPolicy().getCatchupWindow());
  }

  @Test
  void describes_each_kind_of_schedule_in_one_line() {
    assertEquals(
        "daily at 03:00 Europe/London, jitter 10m, catch-up 1d, overlap skip",
        UpdateSchedules.describe(NIGHTLY));
    assertEquals(
        "cron \"0 3 * * 1-5\" UTC, no jitter, catch-up 1h, overlap skip",
        UpdateSchedules.describe(new UpdateSchedule(null, "0 3 * * 1-5", 0, "UTC", 0, 3_600_000)));
    assertEquals(
        "every 30s, no jitter, catch-up 5m, overlap skip",
        UpdateSchedules.describe(new UpdateSchedule(null, null, 30_000, "UTC", 0, 300_000)));
  }

  @Test
  void marks_the_schedule_as_this_hosts_with_what_it_was_made_from() {
    assertEquals(
        Map.of(UpdateSchedules.HOST_MEMO, "vps-1", UpdateSchedules.CONFIG_MEMO, NIGHTLY.toString()),
        UpdateSchedules.options("vps-1", NIGHTLY).getMemo());
  }
}
