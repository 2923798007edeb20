package dev.steward.activities.pipeline;

import dev.steward.workflows.host.TargetPlan;

/**
 * Where this host's plans come from: the host's own steward.yaml, read afresh at each call, so a
 * changed config applies at the next run. The worker's config code implements it; activities cannot
 * depend on the worker.
 */
public interface PlanSource {

  /**
   * The plan of {@code target} on this host.
   *
   * @throws NoPlanException when the config is bad or names no such target; its message is one line
   *     saying what is wrong and how to fix it
   */
  TargetPlan plan(String target) throws NoPlanException;

  /** The host's config gives no plan for a target. */
  final class NoPlanException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoPlanException(String message) {
      super(message);
    }
  }
}
