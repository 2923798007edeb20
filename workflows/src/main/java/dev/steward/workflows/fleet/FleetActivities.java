package dev.steward.workflows.fleet;

import io.temporal.activity.ActivityInterface;

/**
 * The fleets of the host that starts a rollout, from its own {@code steward.yaml}. Runs on that
 * host's queue.
 */
@ActivityInterface
public interface FleetActivities {

  /**
   * Reads the host's configuration afresh and resolves one fleet.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link
   *     dev.steward.workflows.host.FailureTypes#CONFIG_INVALID} when the fleet is unknown or its
   *     configuration is invalid
   */
  FleetPlan resolveFleet(String fleet);
}
