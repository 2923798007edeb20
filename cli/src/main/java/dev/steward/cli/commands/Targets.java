package dev.steward.cli.commands;

import dev.steward.activities.pipeline.PlanSource;
import dev.steward.cli.UsageException;
import dev.steward.worker.config.ConfigPlans;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.host.TargetPlan;

/**
 * Resolves a target named on the command line through the same plan source the pipelines' {@code
 * resolvePlan} uses, so a command acting on the host acts on the plan a workflow would get.
 */
final class Targets {
  private Targets() {}

  /** Fails with a usage error (exit 2) naming the known targets when the config lacks it. */
  static void require(StewardConfig config, String target) {
    plan(config, target);
  }

  /** The plan of {@code target} in {@code config}; a usage error (exit 2) when there is none. */
  static TargetPlan plan(StewardConfig config, String target) {
    try {
      return new ConfigPlans(() -> config).plan(target);
    } catch (PlanSource.NoPlanException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
