package dev.steward.worker.update;

import static dev.steward.worker.update.UpdateHarness.step;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.activities.snapshot.SnapshotActivitiesImpl;
import dev.steward.worker.TestTarget;
import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.host.SnapshotListing;
import dev.steward.workflows.pipeline.StepStatus;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update pipeline's rollback end to end: whatever fails after the snapshot (the update command,
 * a patch, health, a release that exits), code and data go back, a copy of what the failed release
 * left is kept, and a rollback that does not end healthy is reported. Real activities against a
 * real git repository, state directory and service process.
 */
class UpdateRollbackWorkflowTest {
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
  void rolls_back_code_and_data_when_the_update_command_fails() throws Exception {
    Path update =
        target.script(
            "update.sh",
            "echo migrated > " + target.state().resolve("schema.txt") + "\necho boom; exit 1");
    target.updateCommand("[" + update + "]");
    String before = target.revision();
    String data = target.stateDigest();

    UpdateResult result = harness.runUpdate();

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

    UpdateResult result = harness.runUpdate();

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

    UpdateResult result = harness.runUpdate();

    assertRolledBackTo(before, data, result);
    assertEquals(StepStatus.FAILED, step(result, "patches").status());
  }

  @Test
  void rolls_back_when_the_new_release_never_answers_health() throws Exception {
    String before = target.revision();
    String data = target.stateDigest();
    target.publish("never-healthy migrate");

    UpdateResult result = harness.runUpdate();

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

    UpdateResult result = harness.runUpdate();

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
            .listSnapshots(harness.plan()).stream()
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

    UpdateResult result = harness.runUpdate();

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

    UpdateResult result = harness.runUpdate();

    assertEquals(UpdateOutcome.FAILED, result.outcome(), result.message());
    assertTrue(result.rolledBack());
    assertEquals(StepStatus.FAILED, step(result, "rollback-health").status());
    assertTrue(Files.exists(Path.of(result.snapshot())), "the snapshot is left in place");
    assertEquals("failed", harness.status().get("status"));
  }

  private void assertRolledBackTo(String revision, String data, UpdateResult result)
      throws Exception {
    assertEquals(UpdateOutcome.ROLLED_BACK, result.outcome(), result.message());
    assertTrue(result.rolledBack());
    assertEquals(revision, target.revision(), "code is back at the recorded revision");
    assertEquals(revision, result.toRevision());
    assertEquals(data, target.stateDigest(), "data is restored byte for byte");
    assertTrue(Files.exists(Path.of(result.snapshot())), "the snapshot is kept");
    assertTrue(service.verifyHealth(harness.plan()).healthy(), "the old release is serving again");
    Map<String, Object> status = harness.status();
    assertEquals("rollback", status.get("status"));
    assertEquals(revision, status.get("pre_rev"));
    assertEquals(
        UpdateOutcome.ROLLED_BACK.wire(),
        harness.labels(result).get(StewardSearchAttributes.OUTCOME));
  }
}
