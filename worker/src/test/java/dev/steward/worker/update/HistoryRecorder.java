package dev.steward.worker.update;

import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.TestInfo;

/**
 * Records the histories of the workflows' main paths (update pipeline, recovery playbook) for the
 * replay test in workflows/, when the build is run with {@code -Dsteward.recordHistories=DIR} (see
 * CONTRIBUTING.md). Without the property it does nothing.
 */
public final class HistoryRecorder {
  /**
   * Test method → history file: the paths a change to a workflow must keep replayable. The file's
   * prefix names the workflow it replays against ({@code update-}, {@code recovery-}, {@code
   * monitor-}: a monitor's history is recorded while it runs, up to its last cycle; {@code
   * rollout-}: a fleet rollout's own history, its hosts' runs being children).
   */
  private static final Map<String, String> MAIN_PATHS =
      Map.ofEntries(
          Map.entry("updates_to_the_new_revision_and_records_success", "update-success.json"),
          Map.entry(
              "reports_unchanged_without_restarting_when_already_at_the_wanted_revision",
              "update-unchanged.json"),
          Map.entry(
              "a_night_with_nothing_new_ends_at_the_look_with_no_snapshot_only_its_status_line",
              "update-unchanged-look.json"),
          Map.entry(
              "stops_before_changing_anything_when_the_disk_is_below_min_free",
              "update-disk-refused.json"),
          Map.entry("rolls_back_when_the_new_release_never_answers_health", "update-rollback.json"),
          Map.entry(
              "rolls_back_an_update_command_that_moves_the_code_and_then_fails_running_it_once",
              "update-rollback-hermes-trap.json"),
          Map.entry(
              "reports_failed_and_keeps_the_snapshot_when_the_rollback_is_not_healthy",
              "update-escalation.json"),
          Map.entry(
              "a_config_edited_during_a_run_refuses_its_next_step_and_the_run_rolls_back",
              "update-rollback-plan-refused.json"),
          Map.entry(
              "ends_was_healthy_and_leaves_a_healthy_service_alone", "recovery-was-healthy.json"),
          Map.entry("restarts_a_killed_service_and_says_how_long_it_took", "recovery-restart.json"),
          Map.entry(
              "carries_stewards_search_attributes_and_ends_with_its_outcome_in_them",
              "recovery-restart-outcome.json"),
          Map.entry(
              "rolls_code_and_data_back_to_the_newest_verified_snapshot_when_bad_data_breaks_it",
              "recovery-rollback.json"),
          Map.entry(
              "escalates_with_the_evidence_and_holds_updates_when_nothing_saves_it",
              "recovery-escalation.json"),
          Map.entry(
              "goes_back_to_the_last_known_good_release_and_keeps_every_byte_written_since",
              "recovery-last-good.json"),
          Map.entry(
              "restores_the_snapshot_when_the_last_good_code_cannot_start_and_keeps_the_data_it_replaced",
              "recovery-ladder-snapshot.json"),
          Map.entry(
              "restores_the_snapshot_a_person_names_after_keeping_the_state_it_replaces",
              "restore-snapshot.json"),
          Map.entry(
              "the_rollback_keeps_what_the_failed_release_wrote_in_a_pre_restore_snapshot",
              "update-rollback-pre-restore.json"),
          Map.entry(
              "detects_a_killed_service_restarts_it_and_pings_the_heartbeat_in_order",
              "monitor-recovery.json"),
          Map.entry(
              "rolls_one_revision_out_over_six_hosts_in_order_never_more_than_max_parallel_at_once",
              "rollout-healthy.json"),
          Map.entry(
              "two_hosts_broken_with_a_budget_of_one_revert_every_host_it_updated_code_and_data",
              "rollout-reverted.json"));

  private HistoryRecorder() {}

  /**
   * Writes the history of {@code workflowId} to the directory named by {@code
   * steward.recordHistories} when {@code test} is one of the main paths.
   */
  public static void recordIfAsked(WorkflowClient client, TestInfo test, String workflowId)
      throws IOException {
    String dir = System.getProperty("steward.recordHistories");
    String file = MAIN_PATHS.get(test.getTestMethod().map(m -> m.getName()).orElse(""));
    if (dir == null || dir.isBlank() || file == null || workflowId == null) {
      return;
    }
    Path target = Path.of(dir).resolve(file);
    Files.createDirectories(target.getParent());
    Files.writeString(
        target, withWorkflowId(client.fetchHistory(workflowId).getHistory(), workflowId));
  }

  /**
   * The history as JSON, its start event naming the workflow id as a real server's does (Temporal's
   * test server leaves it empty). Replay needs it for ids derived from it: a notice's child
   * workflow is named after its parent.
   */
  private static String withWorkflowId(History history, String workflowId) {
    HistoryEvent start = history.getEvents(0);
    HistoryEvent named =
        start.toBuilder()
            .setWorkflowExecutionStartedEventAttributes(
                start.getWorkflowExecutionStartedEventAttributes().toBuilder()
                    .setWorkflowId(workflowId))
            .build();
    return new WorkflowExecutionHistory(history.toBuilder().setEvents(0, named).build(), workflowId)
        .toJson(true);
  }
}
