package dev.steward.workflows.update;

import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.host.Notice;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.notify.Notices;
import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * What an update run tells the world about its outcome: the target's notification channels, the
 * runs counter and the StewardOutcome search attribute. Workflow code.
 */
final class UpdateOutcomes {
  private UpdateOutcomes() {}

  /** Tells the target's channels: rollbacks and failures always, success when configured. */
  static void announce(
      TargetPlan plan, UpdateOutcome outcome, String message, boolean rolledBack, String evidence) {
    String severity =
        switch (outcome) {
          case ROLLED_BACK -> Notice.WARNING;
          case FAILED -> rolledBack ? Notice.CRITICAL : Notice.WARNING;
          default -> plan.notifications().onSuccess() ? Notice.INFO : null;
        };
    if (severity != null) {
      String title = plan.target() + ": update " + outcome.wire().replace('_', ' ');
      Notices.send(plan, Notices.of(plan, severity, title, message, evidence));
    }
  }

  /**
   * Counts the run by outcome (replay-safe: the workflow metrics scope is silent while replaying)
   * and sets its StewardOutcome search attribute (see {@link
   * StewardSearchAttributes#upsertOutcome}).
   */
  static void record(UpdateOutcome outcome) {
    Workflow.getMetricsScope()
        .tagged(Map.of("kind", "update", "outcome", outcome.wire()))
        .counter("steward_runs")
        .inc(1);
    StewardSearchAttributes.upsertOutcome(outcome.wire());
  }
}
