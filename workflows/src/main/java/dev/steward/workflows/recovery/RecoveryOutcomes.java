package dev.steward.workflows.recovery;

import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.host.Notice;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.notify.Notices;
import io.temporal.workflow.Workflow;

/**
 * What a recovery tells the world about its outcome: the target's notification channels and the
 * StewardOutcome search attribute. Workflow code.
 */
final class RecoveryOutcomes {
  /** Since this change a run records its outcome in StewardOutcome at its end, as updates do. */
  private static final String OUTCOME_ATTRIBUTE = "recovery-outcome-attribute";

  private RecoveryOutcomes() {}

  /** Tells the target's channels about every outcome but {@code was_healthy}. */
  static void announce(TargetPlan plan, RecoveryOutcome outcome, String message, String evidence) {
    announce(plan, "recovery", outcome, message, evidence);
  }

  /** Tells the target's channels how {@code pipeline} ("recovery", "restore") ended. */
  static void announce(
      TargetPlan plan, String pipeline, RecoveryOutcome outcome, String message, String evidence) {
    String severity =
        switch (outcome) {
          case WAS_HEALTHY -> null;
          case FAILED -> Notice.CRITICAL;
          default -> Notice.WARNING;
        };
    if (severity != null) {
      String title = plan.target() + ": " + pipeline + " " + outcome.wire().replace('_', ' ');
      Workflow.newDetachedCancellationScope(
              () -> Notices.send(plan, Notices.of(plan, severity, title, message, evidence)))
          .run();
    }
  }

  /**
   * Sets StewardOutcome on runs that carry Steward's attributes (see {@link
   * StewardSearchAttributes#upsertOutcome}); runs recorded before the change made no such command,
   * and replay without it.
   */
  static void record(RecoveryOutcome outcome) {
    if (Workflow.getVersion(OUTCOME_ATTRIBUTE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      StewardSearchAttributes.upsertOutcome(outcome.wire());
    }
  }
}
