package dev.steward.cli.durability;

import static dev.steward.cli.durability.RecoveryStep.CONFIRM;
import static dev.steward.cli.durability.RecoveryStep.FIND_SNAPSHOT;
import static dev.steward.cli.durability.RecoveryStep.GOOD_CODE;
import static dev.steward.cli.durability.RecoveryStep.GOOD_HEALTH;
import static dev.steward.cli.durability.RecoveryStep.GOOD_RELEASE;
import static dev.steward.cli.durability.RecoveryStep.GOOD_RESTART;
import static dev.steward.cli.durability.RecoveryStep.HEALTH;
import static dev.steward.cli.durability.RecoveryStep.HOLD;
import static dev.steward.cli.durability.RecoveryStep.LAST_GOOD;
import static dev.steward.cli.durability.RecoveryStep.PRE_RESTORE;
import static dev.steward.cli.durability.RecoveryStep.PROVIDER;
import static dev.steward.cli.durability.RecoveryStep.RESTART;
import static dev.steward.cli.durability.RecoveryStep.ROLLBACK_CODE;
import static dev.steward.cli.durability.RecoveryStep.ROLLBACK_DATA;
import static dev.steward.cli.durability.RecoveryStep.ROLLBACK_HEALTH;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recovery workflow's cells of the matrix, and what the world must look like after each. 16 of
 * its 19 steps meet a worker SIGKILL during them (every step of the ladder's first rung and the
 * pre-restore copy among them); the other faults meet a representative set, chosen to keep the
 * whole matrix within its time budget on a 2-core machine.
 */
final class RecoveryCases {
  /**
   * Left out of the kill waves to keep the matrix within its budget: each performs the same kind of
   * activity as a step that is in them (stop and start as the update's rollback-stop and
   * rollback-start and the recovery's restart; evidence is a quick best-effort step like provider).
   */
  private static final List<RecoveryStep> SAME_AS_A_NEIGHBOUR =
      List.of(RecoveryStep.ROLLBACK_STOP, RecoveryStep.ROLLBACK_START, RecoveryStep.EVIDENCE);

  private RecoveryCases() {}

  /** Faults that need no kill: step → expectation, for {@code fault}. */
  static Map<RecoveryStep, Expect> faults(Fault fault) {
    Map<RecoveryStep, Expect> cases = new LinkedHashMap<>();
    if (fault == Fault.FAIL) {
      // A probe that fails is no proof of health: the playbook goes on as if the target were down.
      cases.put(CONFIRM, Expect.restarted());
      // Nothing restarted and no snapshot: escalated, the service still down.
      cases.put(RESTART, Expect.escalated(false, false, 0, true));
      // Unknown counts as "not the provider's fault", as an unreadable status page does.
      cases.put(PROVIDER, Expect.recoveredByRollback());
      // An unreadable last known good counts as none, and a failed reset ends the first rung: on
      // to the second, which has no snapshot here. Escalated, the broken release and the data
      // left as they were.
      cases.put(LAST_GOOD, Expect.escalated(true, false, 0, true));
      cases.put(GOOD_CODE, Expect.escalated(true, false, 0, true));
      cases.put(FIND_SNAPSHOT, Expect.escalated(true, false, 1, false));
      // Without a copy of the state as it is, the data is not restored: the good code cannot
      // start on the corrupt data, which is kept as it was. Escalated.
      cases.put(PRE_RESTORE, Expect.escalated(false, false, 1, false));
      // Data restored, but the broken release is still checked out: unhealthy, escalated.
      cases.put(ROLLBACK_CODE, Expect.escalated(true, false, 1, true).preRestored());
      // The good code on corrupt data cannot start: escalated.
      cases.put(ROLLBACK_DATA, Expect.escalated(false, false, 1, false).preRestored());
      // Best effort: the service is healthy all the same, only no release is recorded.
      cases.put(GOOD_RELEASE, Expect.restarted().goodReleaseUnchecked());
      cases.put(HOLD, Expect.escalated(false, false, 0, true).notHeld());
    } else if (fault == Fault.HANG) {
      cases.put(CONFIRM, Expect.restarted()); // Quick step: its 10 s start-to-close retries it.
      cases.put(PRE_RESTORE, Expect.recoveredByRollback()); // Heartbeat timeout 10 s.
      cases.put(ROLLBACK_DATA, Expect.recoveredByRollback());
    }
    return cases;
  }

  /** The cells of a kill wave: step → expectation. */
  static Map<RecoveryStep, Expect> kills(Fault kill) {
    Map<RecoveryStep, Expect> cases = new LinkedHashMap<>();
    List<RecoveryStep> steps =
        switch (kill) {
          case KILL_DURING ->
              List.of(RecoveryStep.values()).stream()
                  .filter(s -> !SAME_AS_A_NEIGHBOUR.contains(s))
                  .toList();
          case KILL_AFTER ->
              List.of(RESTART, GOOD_CODE, PRE_RESTORE, ROLLBACK_DATA, GOOD_RELEASE, HOLD);
          default ->
              List.of(
                  RESTART,
                  HEALTH,
                  GOOD_RESTART,
                  GOOD_HEALTH,
                  PRE_RESTORE,
                  ROLLBACK_DATA,
                  ROLLBACK_HEALTH);
        };
    for (RecoveryStep step : steps) {
      cases.put(step, kill == Fault.REBOOT ? afterReboot(step) : clean(step.scenario));
    }
    return cases;
  }

  /** The outcome of a run that no fault disturbed. */
  static Expect clean(RecoveryStep.Scenario scenario) {
    return switch (scenario) {
      case RESTART -> Expect.restarted();
      case ROLLBACK -> Expect.recoveredByRollback();
      case LAST_GOOD -> Expect.recoveredToLastGood();
      case ESCALATE -> Expect.escalated(false, false, 0, true);
    };
  }

  /**
   * A reboot kills the service too. During a health check, the retried check finds it gone: the
   * restart is judged a failure, and with no snapshot the run escalates (a second restart would
   * have saved it; the monitor's next recovery does that). During the first rung's health check,
   * likewise: the good code is kept, and with no snapshot the run escalates. During the rollback's
   * health check, likewise: escalated, the restored code and data and the pre-restore copy kept.
   */
  private static Expect afterReboot(RecoveryStep step) {
    return switch (step) {
      case HEALTH, GOOD_HEALTH -> Expect.escalated(false, false, 0, true);
      case ROLLBACK_HEALTH -> Expect.escalated(false, false, 1, true).preRestored();
      default -> clean(step.scenario);
    };
  }
}
