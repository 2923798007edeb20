package dev.steward.workflows.fakes;

import dev.steward.workflows.host.FailureTypes;
import java.util.List;
import java.util.function.Consumer;

/**
 * One rollback step that fails, for the update pipeline's and the recovery's rollback alike: the
 * five steps' statuses it leaves, and whether the target still ends healthy.
 */
public enum BrokenRollbackStep {
  STOP(h -> h.service.stop.fails(FailureTypes.SERVICE_FAILED, "kill: permission denied"), true),
  CODE(h -> h.code.reset.fails(FailureTypes.GIT_FAILED, "git reset: index.lock exists"), false),
  DATA(h -> h.snapshots.restore.fails(FailureTypes.SNAPSHOT_FAILED, "checksum mismatch"), false),
  /** The restart fails from its second call on: the recovery's own restart comes first. */
  START(h -> h.service.restart.thenFails(null, FailureTypes.SERVICE_FAILED, "exited 1"), false),
  HEALTH(h -> h.service.health.always(FakeService.UNHEALTHY), false);

  private static final List<String> STEPS =
      List.of(
          "rollback-stop", "rollback-code", "rollback-data", "rollback-start", "rollback-health");

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

  /** The rollback's five steps as {@code "name status"}: this one failed, the others attempted. */
  public List<String> expectedSteps() {
    String step = STEPS.get(ordinal());
    return STEPS.stream()
        .map(
            s ->
                s.equals(step)
                    ? s + " failed"
                    : this == START && s.equals("rollback-health") ? s + " skipped" : s + " ok")
        .toList();
  }
}
