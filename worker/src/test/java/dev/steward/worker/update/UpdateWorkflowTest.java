package dev.steward.worker.update;

import static dev.steward.worker.update.UpdateHarness.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Await;
import dev.steward.worker.Pipelines;
import dev.steward.worker.TestTarget;
import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.pipeline.StepResult;
import dev.steward.workflows.pipeline.StepStatus;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update pipeline end to end on Temporal's test server, with the real activities against a real
 * git repository, a real state directory and a real service process on loopback.
 */
class UpdateWorkflowTest {
  @TempDir Path tmp;
  private UpdateHarness harness;
  private TestTarget target;
  private ServiceActivitiesImpl service;

  @BeforeEach
  void startTargetAndWorker() throws Exception {
    harness = new UpdateHarness(tmp);
    target = harness.target;
    service = harness.service;
  }

  @AfterEach
  void stopEverything(TestInfo test) throws Exception {
    harness.close(test);
  }

  @Test
  void updates_to_the_new_revision_and_records_success() throws Exception {
    String before = target.revision();
    String next = target.publish("healthy v2");

    UpdateResult result = harness.runUpdate();

    assertEquals(UpdateOutcome.UPDATED, result.outcome(), result.message());
    assertEquals(next, target.revision());
    assertEquals(before, result.fromRevision());
    assertEquals(next, result.toRevision());
    assertTrue(Files.exists(Path.of(result.snapshot())), "the run's snapshot is kept");
    assertEquals(
        List.of(
            "plan",
            "lock",
            "hold",
            "check",
            "disk",
            "revision",
            "snapshot",
            "update",
            "patches",
            "restart",
            "health",
            "prune",
            "good-release",
            "status"),
        result.steps().stream().map(StepResult::name).toList());
    Map<String, Object> status = harness.status();
    assertEquals("success", status.get("status"));
    assertEquals(before, status.get("pre_rev"));
    assertEquals(next, status.get("good_rev"), "the verified release is the last known good");
    assertNotNull(status.get("timestamp"));
    SearchAttributes labels = harness.labels(result);
    assertEquals(TestTarget.NAME, labels.get(StewardSearchAttributes.TARGET));
    assertEquals(UpdateHarness.HOST, labels.get(StewardSearchAttributes.HOST));
    assertEquals("update", labels.get(StewardSearchAttributes.KIND));
    assertEquals(UpdateOutcome.UPDATED.wire(), labels.get(StewardSearchAttributes.OUTCOME));
  }

  @Test
  void reports_unchanged_without_restarting_when_already_at_the_wanted_revision() throws Exception {
    // An update command with no check: the pipeline cannot tell before it runs the command.
    target.updateCommand("[\"true\"]");
    String before = target.revision();

    UpdateResult result = harness.runUpdate();

    assertEquals(UpdateOutcome.UNCHANGED, result.outcome(), result.message());
    assertEquals(before, target.revision());
    assertEquals(StepStatus.SKIPPED, step(result, "restart").status());
    assertEquals("success", harness.status().get("status"));
  }

  @Test
  void a_night_with_nothing_new_ends_at_the_look_with_no_snapshot_only_its_status_line()
      throws Exception {
    target.publish("healthy v2");
    UpdateResult first = harness.runUpdate();
    List<Path> snapshots = target.snapshots();

    UpdateResult result = harness.runUpdate();

    assertEquals(UpdateOutcome.UPDATED, first.outcome(), first.message());
    assertEquals(UpdateOutcome.UNCHANGED, result.outcome(), result.message());
    assertEquals(
        List.of("plan", "lock", "hold", "check", "status"),
        result.steps().stream().map(StepResult::name).toList());
    assertEquals(first.toRevision(), result.toRevision());
    assertNull(result.snapshot());
    assertEquals(snapshots, target.snapshots(), "no snapshot taken, none pruned");
    Map<String, Object> status = harness.status();
    assertEquals("success", status.get("status"));
    assertEquals(UpdateOutcome.UNCHANGED.wire(), status.get("outcome"));
    assertEquals(first.toRevision(), status.get("post_rev"));
    assertEquals(result.workflowId(), status.get("workflowId"), "tonight's line, not last night's");
  }

  @Test
  void a_command_update_whose_check_exits_1_is_never_run_and_no_snapshot_is_taken()
      throws Exception {
    Path marker = tmp.resolve("update-ran");
    target.updateCommand("[touch, " + marker + "]\n      check: [\"false\"]");

    UpdateResult result = harness.runUpdate();

    assertEquals(UpdateOutcome.UNCHANGED, result.outcome(), result.message());
    assertEquals(
        List.of("plan", "lock", "hold", "check", "status"),
        result.steps().stream().map(StepResult::name).toList());
    assertFalse(Files.exists(marker), "the update command did not run");
    assertEquals(List.of(), target.snapshots());
    assertEquals("success", harness.status().get("status"));
  }

  @Test
  void stops_before_changing_anything_when_the_disk_is_below_min_free() throws Exception {
    target.minFree("900000GiB");
    String before = target.revision();
    String data = target.stateDigest();
    target.publish("healthy v2");

    UpdateResult result = harness.runUpdate();

    assertEquals(UpdateOutcome.FAILED, result.outcome());
    assertFalse(result.rolledBack());
    assertEquals(StepStatus.FAILED, step(result, "disk").status());
    assertTrue(result.message().contains("nothing was changed"), result.message());
    assertNull(result.snapshot());
    assertEquals(List.of(), target.snapshots());
    assertEquals(before, target.revision());
    assertEquals(data, target.stateDigest());
    assertEquals("failed", harness.status().get("status"));
  }

  @Test
  void stops_before_changing_anything_when_the_export_command_fails() throws Exception {
    Path export = target.script("export.sh", "echo 'backup: disk quota exceeded' >&2; exit 1");
    target.snapshotCommands("[" + export + ", \"{file}\"]", "[cp, \"{file}\", /dev/null]");
    String before = target.revision();
    target.publish("healthy v2");

    UpdateResult result = harness.runUpdate();

    assertEquals(UpdateOutcome.FAILED, result.outcome());
    assertFalse(result.rolledBack());
    assertEquals(StepStatus.FAILED, step(result, "snapshot").status());
    assertEquals(before, target.revision());
    assertEquals("failed", harness.status().get("status"));
  }

  @Test
  void prunes_old_snapshots_but_never_the_one_the_run_made() throws Exception {
    target.keep(1);
    target.publish("healthy v2");
    UpdateResult first = harness.runUpdate();
    target.publish("healthy v3");

    UpdateResult second = harness.runUpdate();

    assertEquals(UpdateOutcome.UPDATED, first.outcome(), first.message());
    assertEquals(UpdateOutcome.UPDATED, second.outcome(), second.message());
    assertEquals(List.of(Path.of(second.snapshot())), target.snapshots());
  }

  @Test
  void refuses_a_second_run_of_a_busy_target_naming_the_running_one() throws Exception {
    Path started = tmp.resolve("started");
    Path gate = Files.writeString(tmp.resolve("gate"), "held by the test\n");
    // Holds the lock while the gate exists; the limit (120 s) only guards against a hung test.
    Path update =
        target.script(
            "gated-update.sh",
            "touch "
                + started
                + "\ni=0\nwhile [ -f "
                + gate
                + " ] && [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done");
    target.updateCommand("[" + update + "]");
    UpdateWorkflow first =
        Pipelines.startUpdate(
            harness.env.getWorkflowClient(),
            TestTarget.NAME,
            UpdateHarness.HOST,
            Clock.systemUTC());
    String firstId = WorkflowStub.fromTyped(first).getExecution().getWorkflowId();
    awaitFile(started);

    UpdateWorkflow second =
        Pipelines.startUpdate(
            harness.env.getWorkflowClient(),
            TestTarget.NAME,
            UpdateHarness.HOST,
            Clock.systemUTC());
    WorkflowFailedException refused =
        assertThrows(
            WorkflowFailedException.class,
            () -> WorkflowStub.fromTyped(second).getResult(UpdateResult.class));

    assertTrue(rootMessage(refused).contains(firstId), rootMessage(refused));
    Files.delete(gate);
    assertEquals(
        UpdateOutcome.UNCHANGED,
        WorkflowStub.fromTyped(first).getResult(UpdateResult.class).outcome());
  }

  private static void awaitFile(Path file) {
    Await.until(file + " to exist", Duration.ofMinutes(1), () -> Files.exists(file));
  }

  private static String rootMessage(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
