package dev.steward.activities.fleet;

import dev.steward.activities.pipeline.PlanSource.NoPlanException;
import dev.steward.workflows.fleet.FleetActivities;
import dev.steward.workflows.fleet.FleetPlan;
import dev.steward.workflows.host.FailureTypes;
import io.temporal.failure.ApplicationFailure;

/**
 * The fleets of the host that starts a rollout, from its own steward.yaml via {@link FleetSource}.
 */
public class FleetActivitiesImpl implements FleetActivities {
  private final FleetSource fleets;

  public FleetActivitiesImpl(FleetSource fleets) {
    this.fleets = fleets;
  }

  @Override
  public FleetPlan resolveFleet(String fleet) {
    try {
      return fleets.fleet(fleet);
    } catch (NoPlanException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.CONFIG_INVALID);
    }
  }
}
