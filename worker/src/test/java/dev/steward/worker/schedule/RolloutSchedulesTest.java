package dev.steward.worker.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.worker.config.UpdateSchedule;
import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.fleet.FleetRolloutRequest;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleCalendarSpec;
import io.temporal.client.schedules.ScheduleRange;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schedule built from a fleet's {@code schedule.rollout}, field by field. The calls that create
 * it need a real server; they are in ScheduleServerTest.
 */
class RolloutSchedulesTest {
  private static final UpdateSchedule NIGHTLY =
      new UpdateSchedule("03:00", null, 0, "Europe/London", 600_000, 86_400_000);

  @Test
  void starts_a_rollout_of_the_fleets_newest_revision_resolved_by_this_host() {
    Schedule schedule = RolloutSchedules.build("gateways", "ctl", NIGHTLY);

    ScheduleActionStartWorkflow action = (ScheduleActionStartWorkflow) schedule.getAction();
    assertEquals("FleetRolloutWorkflow", action.getWorkflowType());
    assertEquals("rollout/gateways", action.getOptions().getWorkflowId());
    assertEquals(TaskQueues.WORKFLOWS, action.getOptions().getTaskQueue());
    assertEquals(
        new FleetRolloutRequest("gateways", "ctl", null),
        action.getArguments().get(0, FleetRolloutRequest.class, FleetRolloutRequest.class));
  }

  @Test
  void carries_the_rollouts_search_attributes_and_a_summary_naming_the_schedule() {
    ScheduleActionStartWorkflow action =
        (ScheduleActionStartWorkflow)
            RolloutSchedules.build("gateways", "ctl", NIGHTLY).getAction();

    SearchAttributes attributes = action.getOptions().getTypedSearchAttributes();
    assertEquals("rollout", attributes.get(StewardSearchAttributes.KIND));
    assertEquals("gateways", attributes.get(StewardSearchAttributes.FLEET));
    assertEquals("ctl", attributes.get(StewardSearchAttributes.HOST));
    assertEquals("running", attributes.get(StewardSearchAttributes.OUTCOME));
    assertEquals(false, attributes.containsKey(StewardSearchAttributes.TARGET));
    assertEquals("Scheduled rollout to gateways from ctl", action.getOptions().getStaticSummary());
  }

  @Test
  void runs_when_an_update_schedule_would_and_skips_a_rollout_that_would_overlap() {
    Schedule schedule = RolloutSchedules.build("gateways", "ctl", NIGHTLY);

    ScheduleCalendarSpec calendar = schedule.getSpec().getCalendars().get(0);
    assertEquals(List.of(new ScheduleRange(3)), calendar.getHour());
    assertEquals("Europe/London", schedule.getSpec().getTimeZoneName());
    assertEquals(Duration.ofMinutes(10), schedule.getSpec().getJitter());
    assertEquals(
        ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP, schedule.getPolicy().getOverlap());
    assertEquals(Duration.ofDays(1), schedule.getPolicy().getCatchupWindow());
  }
}
