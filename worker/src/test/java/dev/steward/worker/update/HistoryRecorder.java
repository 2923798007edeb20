package dev.steward.worker.update;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.TestInfo;

/**
 * Records the histories of the update pipeline's main paths for the replay test in workflows/, when
 * the build is run with {@code -Dsteward.recordHistories=DIR} (see CONTRIBUTING.md). Without the
 * property it does nothing.
 */
final class HistoryRecorder {
  /** Test method → history file: the paths a change to the workflow must keep replayable. */
  private static final Map<String, String> MAIN_PATHS =
      Map.of(
          "updates_to_the_new_revision_and_records_success", "update-success.json",
          "reports_unchanged_without_restarting_when_already_at_the_wanted_revision",
              "update-unchanged.json",
          "stops_before_changing_anything_when_the_disk_is_below_min_free",
              "update-disk-refused.json",
          "rolls_back_when_the_new_release_never_answers_health", "update-rollback.json",
          "rolls_back_an_update_command_that_moves_the_code_and_then_fails_running_it_once",
              "update-rollback-hermes-trap.json",
          "reports_failed_and_keeps_the_snapshot_when_the_rollback_is_not_healthy",
              "update-escalation.json");

  private HistoryRecorder() {}

  static void recordIfAsked(WorkflowClient client, TestInfo test, String workflowId)
      throws IOException {
    String dir = System.getProperty("steward.recordHistories");
    String file = MAIN_PATHS.get(test.getTestMethod().map(m -> m.getName()).orElse(""));
    if (dir == null || dir.isBlank() || file == null || workflowId == null) {
      return;
    }
    Path target = Path.of(dir).resolve(file);
    Files.createDirectories(target.getParent());
    Files.writeString(target, client.fetchHistory(workflowId).toJson(true));
  }
}
