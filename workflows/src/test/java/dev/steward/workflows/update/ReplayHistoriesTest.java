package dev.steward.workflows.update;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.temporal.testing.WorkflowReplayer;
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
 * {@code src/test/resources/histories/} are recorded by the worker module's UpdateWorkflowTest
 * with {@code -Dsteward.recordHistories=DIR} (see CONTRIBUTING.md).
 */
class ReplayHistoriesTest {
  private static final Path HISTORIES = Path.of("src", "test", "resources", "histories");

  @TestFactory
  Stream<DynamicTest> every_recorded_update_history_replays_on_the_current_workflow()
      throws IOException {
    List<Path> files = updateHistories();
    assertFalse(files.isEmpty(), "no update histories under " + HISTORIES);
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () ->
                        WorkflowReplayer.replayWorkflowExecution(
                            Files.readString(file), UpdateWorkflowImpl.class)));
  }

  @Test
  void an_unguarded_new_activity_call_is_caught_as_non_deterministic() throws IOException {
    String history = Files.readString(successHistory());

    assertThrows(
        NonDeterministicException.class,
        () ->
            WorkflowReplayer.replayWorkflowExecution(
                history, ChangedUpdateWorkflows.Unguarded.class));
  }

  @Test
  void the_same_change_guarded_with_get_version_replays_old_runs() throws IOException {
    String history = Files.readString(successHistory());

    assertDoesNotThrow(
        () ->
            WorkflowReplayer.replayWorkflowExecution(
                history, ChangedUpdateWorkflows.Guarded.class));
  }

  private static Path successHistory() {
    return HISTORIES.resolve("update-success.json");
  }

  private static List<Path> updateHistories() throws IOException {
    try (Stream<Path> files = Files.list(HISTORIES)) {
      return files
          .filter(f -> f.getFileName().toString().matches("update-.*\\.json"))
          .sorted()
          .toList();
    }
  }
}
