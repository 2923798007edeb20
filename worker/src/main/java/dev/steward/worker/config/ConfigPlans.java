package dev.steward.worker.config;

import dev.steward.activities.pipeline.PlanSource;
import dev.steward.workflows.host.TargetPlan;
import java.util.function.Supplier;

/** This host's plans from its steward.yaml, read afresh at each call. */
public final class ConfigPlans implements PlanSource {
  private final Supplier<StewardConfig> config;

  /**
   * @param config reads steward.yaml afresh on each call, so a changed config applies at the next
   *     run; it throws {@link ConfigException} when the file is bad
   */
  public ConfigPlans(Supplier<StewardConfig> config) {
    this.config = config;
  }

  @Override
  public TargetPlan plan(String target) throws NoPlanException {
    StewardConfig current;
    try {
      current = config.get();
    } catch (ConfigException e) {
      throw new NoPlanException(e.getMessage());
    }
    TargetPlan plan = current.targets().get(target);
    if (plan == null) {
      throw new NoPlanException(
          String.format(
              "no target \"%s\" in %s (known: %s)",
              target, current.source(), String.join(", ", current.targets().keySet())));
    }
    return plan;
  }
}
