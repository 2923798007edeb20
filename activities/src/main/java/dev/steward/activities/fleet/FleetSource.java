package dev.steward.activities.fleet;

import dev.steward.activities.pipeline.PlanSource.NoPlanException;
import dev.steward.workflows.fleet.FleetPlan;

/**
 * Where this host's fleets come from: the {@code fleets:} section of its own steward.yaml, read
 * afresh at each call. The worker's config code implements it; activities cannot depend on the
 * worker.
 */
public interface FleetSource {

  /**
   * The fleet called {@code fleet} on this host, its batches resolved.
   *
   * @throws NoPlanException when the config is bad or names no such fleet; its message is one line
   *     saying what is wrong and how to fix it
   */
  FleetPlan fleet(String fleet) throws NoPlanException;
}
