package dev.steward.workflows.update;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.fleet.FleetRolloutWorkflowImpl;
import dev.steward.workflows.monitor.MonitorWorkflowImpl;
import dev.steward.workflows.notify.NotifyWorkflowImpl;
import dev.steward.workflows.recovery.RecoveryWorkflowImpl;
import dev.steward.workflows.recovery.RestoreWorkflowImpl;
import io.temporal.worker.NonDeterministicException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Determinism across Steward's own upgrades: runs recorded on an earlier build must replay on this
 * one, because a worker upgraded while runs are open replays their histories. The histories under
 * {@code src/test/resources/histories/} ({@code update-*.json}, {@code recovery-*.json}, {@code
 * monitor-*.json}) are recorded by the worker module's UpdateWorkflowTest,
 * UpdateRollbackWorkflowTest, RecoveryWorkflowTest and MonitorWorkflowTest with {@code
 * -Dsteward.recordHistories=DIR} (see CONTRIBUTING.md).
 */
class ReplayHistoriesTest {
  private static final Path HISTORIES = Path.of("src", "test", "resources", "histories");

  @TestFactory
  Stream<DynamicTest> every_recorded_update_history_replays_on_the_current_workflow()
      throws IOException {
    return replayAll("update", UpdateWorkflowImpl.class, NotifyWorkflowImpl.class);
  }

  @TestFactory
  Stream<DynamicTest> every_recorded_recovery_history_replays_on_the_current_workflow()
      throws IOException {
    return replayAll("recovery", RecoveryWorkflowImpl.class, NotifyWorkflowImpl.class);
  }

  @TestFactory
  Stream<DynamicTest> every_recorded_restore_history_replays_on_the_current_workflow()
      throws IOException {
    return replayAll("restore", RestoreWorkflowImpl.class, NotifyWorkflowImpl.class);
  }

  /** A monitor's history, recorded while it ran: its recovery is a child, replayed as events. */
  @TestFactory
  Stream<DynamicTest> every_recorded_monitor_history_replays_on_the_current_workflow()
      throws IOException {
    return replayAll(
        "monitor", MonitorWorkflowImpl.class, RecoveryWorkflowImpl.class, NotifyWorkflowImpl.class);
  }

  /** A rollout's history: its hosts' updates and reverts are children, replayed as events. */
  @TestFactory
  Stream<DynamicTest> every_recorded_rollout_history_replays_on_the_current_workflow()
      throws IOException {
    return replayAll(
        "rollout",
        FleetRolloutWorkflowImpl.class,
        UpdateWorkflowImpl.class,
        RestoreWorkflowImpl.class,
        NotifyWorkflowImpl.class);
  }

  /**
   * A test per {@code PREFIX-*.json}, replayed against {@code workflows} (the first is the run's).
   */
  private static Stream<DynamicTest> replayAll(String prefix, Class<?>... workflows)
      throws IOException {
    List<Path> files = histories(prefix);
    assertFalse(files.isEmpty(), "no " + prefix + " histories under " + HISTORIES);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> Replays.replay(Files.readString(file), workflows)));
  }

  @Test
  void an_unguarded_new_activity_call_is_caught_as_non_deterministic() throws IOException {
    String history = Files.readString(successHistory());

    Exception replay =
        assertThrows(
            Exception.class, () -> Replays.replay(history, ChangedUpdateWorkflows.Unguarded.class));

    assertTrue(causedBy(replay, NonDeterministicException.class), () -> stackOf(replay));
  }

  /** The replayer reports it as a cause, or (in 1.38) inside a query failure's message. */
  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t) || String.valueOf(t.getMessage()).contains(type.getName())) {
        return true;
      }
    }
    return false;
  }

  private static String stackOf(Throwable e) {
    java.io.StringWriter out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }

  @Test
  void the_same_change_guarded_with_get_version_replays_old_runs() throws IOException {
    String history = Files.readString(successHistory());

    assertDoesNotThrow(() -> Replays.replay(history, ChangedUpdateWorkflows.Guarded.class));
  }

  private static Path successHistory() {
    return HISTORIES.resolve("update-success.json");
  }

  private static List<Path> histories(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      return files
          .filter(f -> f.getFileName().toString().matches(prefix + "-.*\\.json"))
          .sorted()
          .toList();
    }
  }
}
