package dev.steward.workflows.fakes;

import dev.steward.workflows.host.FailureTypes;
import java.util.List;
import java.util.function.Consumer;

/**
 * One rollback step that fails, for the update pipeline's and the recovery's rollback alike: the
 * six steps' statuses it leaves, and whether the target still ends healthy.
 */
public enum BrokenRollbackStep {
  STOP(h -> h.service.stop.fails(FailureTypes.SERVICE_FAILED, "kill: permission denied"), true),
  /** Without a copy of the state as it is, the data is not restored: the run cannot end healthy. */
  PRE_RESTORE(h -> h.snapshots.preRestore.fails(FailureTypes.SNAPSHOT_FAILED, "disk full"), false),
  CODE(h -> h.code.reset.fails(FailureTypes.GIT_FAILED, "git reset: index.lock exists"), false),
  DATA(h -> h.snapshots.restore.fails(FailureTypes.SNAPSHOT_FAILED, "checksum mismatch"), false),
  /** The restart fails from its second call on: the recovery's own restart comes first. */
  START(h -> h.service.restart.thenFails(null, FailureTypes.SERVICE_FAILED, "exited 1"), false),
  HEALTH(h -> h.service.health.always(FakeService.UNHEALTHY), false);

  private static final List<String> STEPS =
      List.of(
          "rollback-stop",
          "pre-restore",
          "rollback-code",
          "rollback-data",
          "rollback-start",
          "rollback-health");

  private final Consumer<FakeHost> breaks;
  private final boolean stillHealthy;

  BrokenRollbackStep(Consumer<FakeHost> breaks, boolean stillHealthy) {
    this.breaks = breaks;
    this.stillHealthy = stillHealthy;
  }

  /** Makes the fakes fail this step. */
  public void breakOn(FakeHost host) {
    breaks.accept(host);
  }

  /**
   * Whether the rollback still counts as a success: only a failed stop leaves code and data back
   * and the service healthy (the start stops it again).
   */
  public boolean stillHealthy() {
    return stillHealthy;
  }

  /**
   * The rollback's six steps as {@code "name status"}: this one failed, the others attempted, but
   * the health check after a failed start and the data restore without a pre-restore copy skipped.
   */
  public List<String> expectedSteps() {
    String step = STEPS.get(ordinal());
    return STEPS.stream().map(s -> s + " " + status(s, step)).toList();
  }

  private String status(String step, String broken) {
    if (step.equals(broken)) {
      return "failed";
    }
    boolean skipped =
        this == START && step.equals("rollback-health")
            || this == PRE_RESTORE && step.equals("rollback-data");
    return skipped ? "skipped" : "ok";
  }

  /** How many times the rollback restores data: never without its pre-restore copy. */
  public int dataRestores() {
    return this == PRE_RESTORE ? 0 : 1;
  }
}
