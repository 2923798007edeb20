package dev.steward.workflows.pipeline;

import dev.steward.workflows.host.TargetPlan;
import java.util.Arrays;

/** The pipelines whose main path a {@link Step} counts in ("3/12" in the web UI's details). */
public enum Pipeline {
  UPDATE,
  RECOVERY,
  RESTORE;

  /** How many steps this pipeline's main path plans: the steps that count in it. */
  public int plannedSteps() {
    return plannedSteps(null);
  }

  /** How many steps a run of {@code plan} plans on the main path (null: before it is read). */
  public int plannedSteps(TargetPlan plan) {
    return (int)
        Arrays.stream(Step.values())
            .filter(step -> step.countsIn(this) && step.plannedFor(plan))
            .count();
  }
}
