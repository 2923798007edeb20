package dev.steward.worker.config;

import dev.steward.activities.fleet.FleetSource;
import dev.steward.activities.pipeline.PlanSource.NoPlanException;
import dev.steward.workflows.fleet.FleetPlan;
import java.util.function.Supplier;

/** This host's fleets from its steward.yaml, read afresh at each call. */
public final class ConfigFleets implements FleetSource {
  private final Supplier<StewardConfig> config;

  /**
   * @param config reads steward.yaml afresh on each call; it throws {@link ConfigException} when
   *     the file is bad
   */
  public ConfigFleets(Supplier<StewardConfig> config) {
    this.config = config;
  }

  @Override
  public FleetPlan fleet(String fleet) throws NoPlanException {
    StewardConfig current;
    try {
      current = config.get();
    } catch (ConfigException e) {
      throw new NoPlanException(e.getMessage());
    }
    FleetPlan plan = current.fleets().get(fleet);
    if (plan == null) {
      String known =
          current.fleets().isEmpty()
              ? "it has no fleets: section"
              : "known: " + String.join(", ", current.fleets().keySet());
      throw new NoPlanException(
          String.format("no fleet \"%s\" in %s (%s)", fleet, current.source(), known));
    }
    return plan;
  }
}
