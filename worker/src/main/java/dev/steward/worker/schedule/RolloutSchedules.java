package dev.steward.worker.schedule;

import dev.steward.worker.Pipelines;
import dev.steward.worker.config.UpdateSchedule;
import dev.steward.workflows.fleet.FleetRolloutRequest;
import dev.steward.workflows.fleet.FleetRolloutWorkflow;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;

/**
 * The Temporal Schedule that rolls a fleet out ({@code fleets.X.schedule.rollout}): the same spec
 * and policies as a target's update schedule, starting a rollout of the fleet's newest revision
 * instead. A rollout still going when the next is due makes the next one skip.
 */
public final class RolloutSchedules {
  private RolloutSchedules() {}

  /** The schedule's id, and the prefix of the workflow ids of the rollouts it starts. */
  public static String idOf(String fleet) {
    return "rollout/" + fleet;
  }

  /** The schedule for {@code fleet}, whose rollouts {@code host} resolves from its config. */
  public static Schedule build(String fleet, String host, UpdateSchedule config) {
    return UpdateSchedules.withAction(
        config,
        ScheduleActionStartWorkflow.newBuilder()
            .setWorkflowType(FleetRolloutWorkflow.class)
            .setArguments(new FleetRolloutRequest(fleet, host, null))
            .setOptions(Pipelines.scheduledRolloutOptions(idOf(fleet), fleet, host))
            .build());
  }
}
