package dev.steward.worker.recovery;

import static dev.steward.worker.recovery.RecoveryHarness.stepNames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.snapshot.SnapshotActivitiesImpl;
import dev.steward.activities.status.StatusActivitiesImpl;
import dev.steward.worker.HttpReceiver;
import dev.steward.worker.TestTarget;
import dev.steward.worker.update.HistoryRecorder;
import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.host.SnapshotListing;
import dev.steward.workflows.recovery.RecoveryOutcome;
import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import io.temporal.common.SearchAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recovery playbook end to end: real service processes, real git, real snapshots, a real status
 * page and notification receiver on loopback, Temporal's test server skipping the waits.
 */
class RecoveryWorkflowTest {
  @TempDir Path tmp;
  private RecoveryHarness harness;
  private HttpReceiver http;

  @BeforeEach
  void start() throws Exception {
    http = HttpReceiver.start();
    harness = new RecoveryHarness(tmp);
  }

  @AfterEach
  void stop(TestInfo test) throws Exception {
    try {
      if (harness != null) {
        // Before the environment closes: its history is gone with it.
        HistoryRecorder.recordIfAsked(
            harness.env.getWorkflowClient(), test, harness.lastRecoveryId);
      }
    } finally {
      try {
        if (harness != null) {
          harness.close();
        }
      } finally {
        http.close();
      }
    }
  }

  @Test
  void ends_was_healthy_and_leaves_a_healthy_service_alone() throws Exception {
    harness.startHealthy();
    String pidBefore = Files.readString(harness.target.state().resolve(".steward/service.json"));

    RecoveryResult result = harness.recover();

    assertEquals(RecoveryOutcome.WAS_HEALTHY, result.outcome(), result.message());
    assertEquals(
        pidBefore, Files.readString(harness.target.state().resolve(".steward/service.json")));
    assertFalse(stepNames(result.steps()).contains("restart"), result.steps().toString());
    assertNull(result.downSince());
  }

  @Test
  void restarts_a_killed_service_and_says_how_long_it_took() throws Exception {
    harness.startHealthy();
    harness.killService();

    RecoveryResult result = harness.recover();

    assertEquals(RecoveryOutcome.RESTARTED, result.outcome(), result.message());
    assertEquals("restart", result.recoveredBy());
    assertNotNull(result.downSince());
    assertNotNull(result.secondsToRecover());
    assertTrue(harness.service.verifyHealth(harness.plan()).healthy());
    assertTrue(result.workflowId().startsWith("recover/demo/"), result.workflowId());
  }

  @Test
  void carries_stewards_search_attributes_and_ends_with_its_outcome_in_them() throws Exception {
    harness.startHealthy();
    harness.killService();

    RecoveryResult result = harness.recover();

    SearchAttributes labels =
        harness
            .env
            .getWorkflowClient()
            .newUntypedWorkflowStub(result.workflowId())
            .describe()
            .getTypedSearchAttributes();
    assertEquals(RecoveryOutcome.RESTARTED, result.outcome(), result.message());
    assertEquals(TestTarget.NAME, labels.get(StewardSearchAttributes.TARGET));
    assertEquals(RecoveryHarness.HOST, labels.get(StewardSearchAttributes.HOST));
    assertEquals("recovery", labels.get(StewardSearchAttributes.KIND));
    assertEquals(RecoveryOutcome.RESTARTED.wire(), labels.get(StewardSearchAttributes.OUTCOME));
  }

  @Test
  void rolls_code_and_data_back_to_the_newest_verified_snapshot_when_bad_data_breaks_it()
      throws Exception {
    harness.target.withConfig(
        "    provider:\n      status: "
            + http.statusPage("/status.json", "minor").url("/status.json")
            + "\n");
    harness.startHealthy();
    String v1 = harness.target.revision();
    String data = harness.target.stateDigest();
    harness.target.publish("healthy v2");
    assertEquals(UpdateOutcome.UPDATED, harness.update().outcome());
    harness.corruptData();
    harness.killService();

    RecoveryResult result = harness.recover();

    assertEquals(RecoveryOutcome.ROLLED_BACK, result.outcome(), result.message() + result.steps());
    assertEquals(v1, harness.target.revision(), "code back at the snapshot's revision");
    assertEquals(data, harness.target.stateDigest(), "data back as the snapshot recorded it");
    assertTrue(result.recoveredBy().startsWith("rollback to "), result.recoveredBy());
    assertTrue(result.evidence().contains("schema.txt is corrupt"), result.evidence());
    assertTrue(harness.service.verifyHealth(harness.plan()).healthy());
    assertFalse(Files.exists(harness.target.state().resolve(".steward/hold.json")));
  }

  @Test
  void goes_back_to_the_last_known_good_release_and_keeps_every_byte_written_since()
      throws Exception {
    harness.startHealthy();
    String v2 = harness.target.publish("healthy v2");
    assertEquals(UpdateOutcome.UPDATED, harness.update().outcome());
    writeADayOfData();
    String dataOfTheDay = harness.target.stateDigest();
    harness.target.commitInCheckout("never-healthy hand edit");
    harness.killService();

    RecoveryResult result = harness.recover();

    assertEquals(RecoveryOutcome.ROLLED_BACK, result.outcome(), result.message() + result.steps());
    assertEquals(v2, harness.target.revision(), "code at v2, the release Steward verified");
    assertEquals(dataOfTheDay, harness.target.stateDigest(), "the day's data, byte for byte");
    assertEquals("code back to the last known good " + v2.substring(0, 7), result.recoveredBy());
    assertFalse(stepNames(result.steps()).contains("rollback-data"), result.steps().toString());
    assertNull(result.preRestoreSnapshot(), "no data was restored, so none was replaced");
    assertTrue(harness.service.verifyHealth(harness.plan()).healthy());
  }

  @Test
  void restores_the_snapshot_when_the_last_good_code_cannot_start_and_keeps_the_data_it_replaced()
      throws Exception {
    harness.startHealthy();
    String v1 = harness.target.revision();
    String v1Data = harness.target.stateDigest();
    harness.target.publish("healthy v2");
    assertEquals(UpdateOutcome.UPDATED, harness.update().outcome());
    harness.corruptData();
    byte[] corrupted = Files.readAllBytes(harness.target.state().resolve("schema.txt"));
    harness.target.commitInCheckout("never-healthy hand edit");
    harness.killService();

    RecoveryResult result = harness.recover();

    assertEquals(RecoveryOutcome.ROLLED_BACK, result.outcome(), result.message() + result.steps());
    List<String> steps = stepNames(result.steps());
    assertTrue(steps.indexOf("good-health") < steps.indexOf("pre-restore"), steps.toString());
    assertEquals(v1, harness.target.revision(), "code at the snapshot's revision");
    assertEquals(v1Data, harness.target.stateDigest(), "data as the snapshot recorded it");
    Path kept = Path.of(result.preRestoreSnapshot());
    assertTrue(result.message().contains(kept.toString()), result.message());
    SnapshotListing listed =
        new SnapshotActivitiesImpl()
            .listSnapshots(harness.plan()).stream()
                .filter(l -> l.file().equals(kept.getFileName().toString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(kept + " is not listed"));
    assertEquals("pre-restore", listed.kind());
    assertTrue(listed.verifies(), listed.toString());
    assertArrayEquals(
        corrupted, TestTarget.archiveEntry(kept, "schema.txt"), "the corrupted bytes, exactly");
  }

  /** What the service would write over a day: new sessions, a grown database. */
  private void writeADayOfData() throws Exception {
    Path state = harness.target.state();
    Files.writeString(state.resolve("sessions/two.json"), "{\"id\": 2, \"memory\": \"...\"}\n");
    Files.write(state.resolve("state.db"), new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0});
    Files.createDirectories(tmp.resolve("day"));
    Files.copy(state.resolve("state.db"), tmp.resolve("day/state.db"));
  }

  @Test
  void restores_the_snapshot_a_person_names_after_keeping_the_state_it_replaces() throws Exception {
    harness.startHealthy();
    String v1 = harness.target.revision();
    String v1Data = harness.target.stateDigest();
    String v2 = harness.target.publish("healthy v2");
    assertEquals(UpdateOutcome.UPDATED, harness.update().outcome());
    writeADayOfData();
    String snapshot = harness.target.snapshots().get(0).getFileName().toString();

    RecoveryResult result = harness.restore(snapshot);

    assertEquals(RecoveryOutcome.ROLLED_BACK, result.outcome(), result.message() + result.steps());
    assertEquals(v1, harness.target.revision());
    assertEquals(v1Data, harness.target.stateDigest());
    Path kept = Path.of(result.preRestoreSnapshot());
    assertArrayEquals(
        Files.readAllBytes(tmp.resolve("day/state.db")),
        TestTarget.archiveEntry(kept, "state.db"),
        "the day's database, as it was before the restore");
    assertTrue(result.workflowId().startsWith("restore/demo/"), result.workflowId());
    assertEquals(
        v1,
        new StatusActivitiesImpl().readGoodRelease(harness.plan()).revision(),
        "the restored release, verified healthy, is the last known good; was " + v2);
  }

  @Test
  void escalates_with_the_evidence_and_holds_updates_when_nothing_saves_it() throws Exception {
    harness.target.withConfig(
        "    notify:\n      channels:\n        - webhook: " + http.url("/hook") + "\n");
    harness.startHealthy();
    harness.corruptData();
    harness.killService();

    RecoveryResult result = harness.recover();

    assertEquals(RecoveryOutcome.FAILED, result.outcome(), result.message());
    assertNull(result.recoveredBy());
    assertTrue(stepNames(result.steps()).contains("hold"), result.steps().toString());
    JsonNode hold =
        new ObjectMapper().readTree(harness.target.state().resolve(".steward/hold.json").toFile());
    assertTrue(hold.get("reason").asText().startsWith("recovery failed"), hold.toString());
    assertEquals(result.workflowId(), hold.get("by").asText());
    HttpReceiver.Request notice = http.next(60);
    assertNotNull(notice, "the critical notice should arrive");
    JsonNode body = new ObjectMapper().readTree(notice.body());
    assertEquals("critical", body.get("severity").asText());
    assertEquals("demo", body.get("target").asText());
    assertTrue(body.get("evidence").asText().contains("schema.txt is corrupt"), notice.body());

    UpdateResult update = harness.update();

    assertEquals(UpdateOutcome.HELD, update.outcome(), update.message());
    assertTrue(update.message().contains("steward release demo"), update.message());
    assertEquals(
        java.util.List.of("plan", "lock", "hold"), stepNames(update.steps()), "nothing else ran");
  }

  @Test
  void keeps_restarting_with_backoff_and_never_rolls_back_while_the_provider_is_down()
      throws Exception {
    harness.target.withConfig(
        "    provider:\n      status: "
            + http.statusPage("/status.json", "major").url("/status.json")
            + "\n    recovery:\n      waitForProvider: 10m\n");
    harness.startHealthy();
    new SnapshotActivitiesImpl()
        .takeSnapshot(harness.plan(), "test/snapshot", harness.target.revision());
    harness.corruptData();
    harness.killService();

    RecoveryResult result = harness.recover();

    assertEquals(RecoveryOutcome.WAITING_FOR_PROVIDER, result.outcome(), result.message());
    long restarts = stepNames(result.steps()).stream().filter("restart"::equals).count();
    assertTrue(restarts >= 4, "restarted " + restarts + " times: " + result.steps());
    assertTrue(
        stepNames(result.steps()).stream().noneMatch(n -> n.startsWith("rollback")),
        result.steps().toString());
    assertEquals("corrupt\n", Files.readString(harness.target.state().resolve("schema.txt")));
    assertFalse(Files.exists(harness.target.state().resolve(".steward/hold.json")));
  }
}
