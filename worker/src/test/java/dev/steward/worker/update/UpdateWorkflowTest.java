package dev.steward.worker.update;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.activities.snapshot.SnapshotActivitiesImpl;
import dev.steward.worker.Await;
import dev.steward.worker.Pipelines;
import dev.steward.worker.StewardTestServers;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.host.SnapshotListing;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.pipeline.StepResult;
import dev.steward.workflows.pipeline.StepStatus;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
  private static final String HOST = "test-host";

  @TempDir Path tmp;
  private TestTarget target;
  private TestWorkflowEnvironment env;
  private WorkerFactory worker;
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();
  private String lastWorkflowId;

  @BeforeEach
  void startTargetAndWorker() throws Exception {
    target = TestTarget.create(tmp);
    env = StewardTestServers.newEnvironment(false);
    worker = StewardTestServers.startWorker(env, target.config(), HOST);
    service.restartService(plan());
    assertTrue(service.verifyHealth(plan()).healthy(), "the first release should be healthy");
  }

  @AfterEach
  void stopEverything(TestInfo test) throws Exception {
    // Before the environment closes: its history is gone with it.
    HistoryRecorder.recordIfAsked(env.getWorkflowClient(), test, lastWorkflowId);
    service.stopService(plan());
    worker.shutdownNow();
    worker.awaitTermination(5, TimeUnit.SECONDS);
    env.close();
  }

  @Test
  void updates_to_the_new_revision_and_records_success() throws Exception {
    String before = target.revision();
    String next = target.publish("healthy v2");

    UpdateResult result = runUpdate();

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
    Map<String, Object> status = status();
    assertEquals("success", status.get("status"));
    assertEquals(before, status.get("pre_rev"));
    assertEquals(next, status.get("good_rev"), "the verified release is the last known good");
    assertNotNull(status.get("timestamp"));
    SearchAttributes labels = labels(result);
    assertEquals(TestTarget.NAME, labels.get(StewardSearchAttributes.TARGET));
    assertEquals(HOST, labels.get(StewardSearchAttributes.HOST));
    assertEquals("update", labels.get(StewardSearchAttributes.KIND));
    assertEquals(UpdateOutcome.UPDATED.wire(), labels.get(StewardSearchAttributes.OUTCOME));
  }

  @Test
  void reports_unchanged_without_restarting_when_already_at_the_wanted_revision() throws Exception {
    // An update command with no check: the pipeline cannot tell before it runs the command.
    target.updateCommand("[\"true\"]");
    String before = target.revision();

    UpdateResult result = runUpdate();

    assertEquals(UpdateOutcome.UNCHANGED, result.outcome(), result.message());
    assertEquals(before, target.revision());
    assertEquals(StepStatus.SKIPPED, step(result, "restart").status());
    assertEquals("success", status().get("status"));
  }

  @Test
  void a_night_with_nothing_new_ends_at_the_look_with_no_snapshot_only_its_status_line()
      throws Exception {
    target.publish("healthy v2");
    UpdateResult first = runUpdate();
    List<Path> snapshots = target.snapshots();

    UpdateResult result = runUpdate();

    assertEquals(UpdateOutcome.UPDATED, first.outcome(), first.message());
    assertEquals(UpdateOutcome.UNCHANGED, result.outcome(), result.message());
    assertEquals(
        List.of("plan", "lock", "hold", "check", "status"),
        result.steps().stream().map(StepResult::name).toList());
    assertEquals(first.toRevision(), result.toRevision());
    assertNull(result.snapshot());
    assertEquals(snapshots, target.snapshots(), "no snapshot taken, none pruned");
    Map<String, Object> status = status();
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

    UpdateResult result = runUpdate();

    assertEquals(UpdateOutcome.UNCHANGED, result.outcome(), result.message());
    assertEquals(
        List.of("plan", "lock", "hold", "check", "status"),
        result.steps().stream().map(StepResult::name).toList());
    assertFalse(Files.exists(marker), "the update command did not run");
    assertEquals(List.of(), target.snapshots());
    assertEquals("success", status().get("status"));
  }

  @Test
  void stops_before_changing_anything_when_the_disk_is_below_min_free() throws Exception {
    target.minFree("900000GiB");
    String before = target.revision();
    String data = target.stateDigest();
    target.publish("healthy v2");

    UpdateResult result = runUpdate();

    assertEquals(UpdateOutcome.FAILED, result.outcome());
    assertFalse(result.rolledBack());
    assertEquals(StepStatus.FAILED, step(result, "disk").status());
    assertTrue(result.message().contains("nothing was changed"), result.message());
    assertNull(result.snapshot());
    assertEquals(List.of(), target.snapshots());
    assertEquals(before, target.revision());
    assertEquals(data, target.stateDigest());
    assertEquals("failed", status().get("status"));
  }

  @Test
  void stops_before_changing_anything_when_the_export_command_fails() throws Exception {
    Path export = target.script("export.sh", "echo 'backup: disk quota exceeded' >&2; exit 1");
    target.snapshotCommands("[" + export + ", \"{file}\"]", "[cp, \"{file}\", /dev/null]");
    String before = target.revision();
    target.publish("healthy v2");

    UpdateResult result = runUpdate();

    assertEquals(UpdateOutcome.FAILED, result.outcome());
    assertFalse(result.rolledBack());
    assertEquals(StepStatus.FAILED, step(result, "snapshot").status());
    assertEquals(before, target.revision());
    assertEquals("failed", status().get("status"));
  }

  @Test
  void rolls_back_code_and_data_when_the_update_command_fails() throws Exception {
    Path update =
        target.script(
            "update.sh",
            "echo migrated > " + target.state().resolve("schema.txt") + "\necho boom; exit 1");
    target.updateCommand("[" + update + "]");
    String before = target.revision();
    String data = target.stateDigest();

    UpdateResult result = runUpdate();

    assertRolledBackTo(before, data, result);
    assertEquals(StepStatus.FAILED, step(result, "update").status());
    Path kept = Path.of(result.preRestoreSnapshot());
    assertArrayEquals(
        "migrated\n".getBytes(UTF_8),
        TestTarget.archiveEntry(kept, "schema.txt"),
        "the failed command's data");
  }

  @Test
  void rolls_back_an_update_command_that_moves_the_code_and_then_fails_running_it_once()
      throws Exception {
    Path marker = tmp.resolve("update-ran");
    Path update =
        target.script(
            "hermes-update.sh",
            "echo ran >> "
                + marker
                + "\ngit fetch -q origin && git reset -q --hard origin/main\n"
                + "echo 'pip install failed' >&2; exit 1");
    target.updateCommand("[" + update + "]");
    String before = target.revision();
    String data = target.stateDigest();
    target.publish("healthy v2");

    UpdateResult result = runUpdate();

    assertRolledBackTo(before, data, result);
    assertEquals(1, Files.readAllLines(marker).size(), "the update command ran exactly once");
  }

  @Test
  void rolls_back_when_a_patch_does_not_verify() throws Exception {
    target.withConfig(
        "    patches:\n"
            + "      - name: kwargs-fix\n"
            + "        apply: [touch, service.py]\n"
            + "        verify: {file: service.py, contains: \"**kwargs\"}\n");
    String before = target.revision();
    String data = target.stateDigest();
    target.publish("healthy v2 migrate");

    UpdateResult result = runUpdate();

    assertRolledBackTo(before, data, result);
    assertEquals(StepStatus.FAILED, step(result, "patches").status());
  }

  @Test
  void rolls_back_when_the_new_release_never_answers_health() throws Exception {
    String before = target.revision();
    String data = target.stateDigest();
    target.publish("never-healthy migrate");

    UpdateResult result = runUpdate();

    assertRolledBackTo(before, data, result);
    assertEquals(StepStatus.FAILED, step(result, "health").status());
    assertNotNull(result.evidence());
  }

  @Test
  void the_rollback_keeps_what_the_failed_release_wrote_in_a_pre_restore_snapshot()
      throws Exception {
    String before = target.revision();
    String data = target.stateDigest();
    target.publish("never-healthy migrate");

    UpdateResult result = runUpdate();

    assertRolledBackTo(before, data, result);
    Path kept = Path.of(result.preRestoreSnapshot());
    assertTrue(kept.getFileName().toString().startsWith("pre-restore-"), kept.toString());
    assertTrue(result.message().contains(kept.toString()), result.message());
    // What the failed release's migration wrote while it ran, as it left it.
    assertArrayEquals("2\n".getBytes(UTF_8), TestTarget.archiveEntry(kept, "schema.txt"));
    assertArrayEquals(
        "\u0000\u0001 new index".getBytes(UTF_8), TestTarget.archiveEntry(kept, "new-index.db"));
    assertEquals(2, target.snapshots().size(), "the pre-update snapshot and the pre-restore copy");
    SnapshotListing listed =
        new SnapshotActivitiesImpl()
            .listSnapshots(plan()).stream()
                .filter(l -> l.file().equals(kept.getFileName().toString()))
                .findFirst()
                .orElseThrow();
    assertEquals("pre-restore", listed.kind());
    assertTrue(listed.verifies(), listed.problem());
  }

  @Test
  void rolls_back_when_the_new_release_answers_health_and_then_exits_zero() throws Exception {
    String before = target.revision();
    String data = target.stateDigest();
    target.publish("exits-after-1s migrate");

    UpdateResult result = runUpdate();

    assertRolledBackTo(before, data, result);
    assertEquals(StepStatus.FAILED, step(result, "health").status());
    assertTrue(step(result, "health").message().contains("not running"), result.message());
  }

  @Test
  void reports_failed_and_keeps_the_snapshot_when_the_rollback_is_not_healthy() throws Exception {
    Path ready = Files.writeString(tmp.resolve("ready"), "yes");
    target.healthCommand("[test, -f, " + ready + "]");
    Path update =
        target.script(
            "update.sh",
            "rm " + ready + "\ngit fetch -q origin && git reset -q --hard origin/main");
    target.updateCommand("[" + update + "]");
    target.publish("healthy v2");

    UpdateResult result = runUpdate();

    assertEquals(UpdateOutcome.FAILED, result.outcome(), result.message());
    assertTrue(result.rolledBack());
    assertEquals(StepStatus.FAILED, step(result, "rollback-health").status());
    assertTrue(Files.exists(Path.of(result.snapshot())), "the snapshot is left in place");
    assertEquals("failed", status().get("status"));
  }

  @Test
  void prunes_old_snapshots_but_never_the_one_the_run_made() throws Exception {
    target.keep(1);
    target.publish("healthy v2");
    UpdateResult first = runUpdate();
    target.publish("healthy v3");

    UpdateResult second = runUpdate();

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
        Pipelines.startUpdate(env.getWorkflowClient(), TestTarget.NAME, HOST, Clock.systemUTC());
    String firstId = WorkflowStub.fromTyped(first).getExecution().getWorkflowId();
    awaitFile(started);

    UpdateWorkflow second =
        Pipelines.startUpdate(env.getWorkflowClient(), TestTarget.NAME, HOST, Clock.systemUTC());
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

  private void assertRolledBackTo(String revision, String data, UpdateResult result)
      throws Exception {
    assertEquals(UpdateOutcome.ROLLED_BACK, result.outcome(), result.message());
    assertTrue(result.rolledBack());
    assertEquals(revision, target.revision(), "code is back at the recorded revision");
    assertEquals(revision, result.toRevision());
    assertEquals(data, target.stateDigest(), "data is restored byte for byte");
    assertTrue(Files.exists(Path.of(result.snapshot())), "the snapshot is kept");
    assertTrue(service.verifyHealth(plan()).healthy(), "the old release is serving again");
    Map<String, Object> status = status();
    assertEquals("rollback", status.get("status"));
    assertEquals(revision, status.get("pre_rev"));
    assertEquals(
        UpdateOutcome.ROLLED_BACK.wire(), labels(result).get(StewardSearchAttributes.OUTCOME));
  }

  private UpdateResult runUpdate() {
    UpdateWorkflow run =
        Pipelines.startUpdate(env.getWorkflowClient(), TestTarget.NAME, HOST, Clock.systemUTC());
    lastWorkflowId = WorkflowStub.fromTyped(run).getExecution().getWorkflowId();
    return WorkflowStub.fromTyped(run).getResult(UpdateResult.class);
  }

  /** The run's search attributes, as the web UI and {@code steward history} filter on them. */
  private SearchAttributes labels(UpdateResult result) {
    return env.getWorkflowClient()
        .newUntypedWorkflowStub(result.workflowId())
        .describe()
        .getTypedSearchAttributes();
  }

  private TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }

  private Map<String, Object> status() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> status =
        new ObjectMapper().readValue(target.statusFile().toFile(), Map.class);
    return status;
  }

  private static StepResult step(UpdateResult result, String name) {
    return result.steps().stream()
        .filter(s -> s.name().equals(name))
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no step " + name + " in " + result.steps()));
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
