package dev.steward.cli;

import static java.time.temporal.ChronoUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.host.TargetPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward snapshots} and {@code steward restore} in-process, on the embedded server, against
 * a real target (git checkout, Python service, data on disk).
 */
class SnapshotsAndRestoreCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private TestTarget target;
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();

  @BeforeEach
  void startTarget() throws Exception {
    target = TestTarget.create(tmp);
    service.restartService(plan());
  }

  @AfterEach
  void stopTarget() {
    service.stopService(plan());
  }

  @Test
  void restore_puts_back_a_snapshots_code_and_data_and_keeps_the_state_it_replaced()
      throws Exception {
    String v1 = target.revision();
    String v1Data = target.stateDigest();
    String v2 = target.publish("healthy v2");
    CliRun update = run("update", "demo");
    assertEquals(0, update.exitCode(), update.toString());

    CliRun table = run("snapshots", "demo");
    assertEquals(0, table.exitCode(), table.toString());
    JsonNode listed = listing();
    assertEquals(1, listed.size(), listed.toString());
    JsonNode preUpdate = listed.get(0);
    String file = preUpdate.get("file").asText();
    assertEquals("pre-update", preUpdate.get("kind").asText());
    assertEquals(v1, preUpdate.get("revision").asText());
    assertTrue(preUpdate.get("bytes").asLong() > 0, preUpdate.toString());
    assertTrue(preUpdate.get("verifies").asBoolean(), preUpdate.toString());
    assertTrue(preUpdate.get("problem").isNull(), preUpdate.toString());
    assertFalse(preUpdate.get("takenAt").asText().isEmpty(), preUpdate.toString());
    String row =
        table
            .out()
            .lines()
            .filter(l -> l.contains(file))
            .findFirst()
            .orElseThrow(() -> new AssertionError(table.toString()));
    assertTrue(row.contains("pre-update") && row.contains(v1.substring(0, 7) + " "), row);
    assertFalse(row.contains(v1), "text shows 7 characters of the revision: " + row);
    assertTrue(row.contains(" yes "), row);
    String taken = Instant.parse(preUpdate.get("takenAt").asText()).truncatedTo(SECONDS) + " ";
    assertTrue(row.startsWith(taken), "taken to the second: " + row);

    // A day of the service's data, written after the v2 update.
    Files.writeString(target.state().resolve("sessions/two.json"), "{\"id\": 2}\n");
    Files.write(target.state().resolve("state.db"), new byte[] {9, 8, 7, 6, 5, 4});
    String v2Data = target.stateDigest();

    CliRun restore = run("restore", "demo", file);

    assertEquals(0, restore.exitCode(), restore.toString());
    assertTrue(restore.out().contains("run restore/demo/"), restore.toString());
    assertTrue(restore.out().contains("rolled_back: demo: "), restore.toString());
    assertTrue(restore.out().contains("recovered by restore\n"), restore.toString());
    assertEquals(v1, target.revision(), "the checkout is at the snapshot's revision");
    assertEquals(v1Data, target.stateDigest(), "the snapshot's data, byte for byte");
    String kept =
        restore
            .out()
            .lines()
            .filter(l -> l.startsWith("kept the state it replaced in "))
            .findFirst()
            .orElseThrow(() -> new AssertionError(restore.toString()))
            .substring("kept the state it replaced in ".length());

    JsonNode after = listing();
    assertEquals(2, after.size(), "one snapshot more: " + after);
    JsonNode preRestore = ofKind(after, "pre-restore");
    assertTrue(kept.endsWith(preRestore.get("file").asText()), kept + " vs " + preRestore);
    assertEquals(v2, preRestore.get("revision").asText());
    assertTrue(preRestore.get("verifies").asBoolean(), preRestore.toString());

    // What the restore replaced is all in its pre-restore snapshot: restoring that brings it back.
    CliRun back = run("restore", "demo", preRestore.get("file").asText(), "--output", "json");

    assertEquals(0, back.exitCode(), back.toString());
    JsonNode result = JSON.readTree(back.out());
    assertEquals("rolled_back", result.get("outcome").asText());
    assertTrue(result.get("workflowId").asText().startsWith("restore/demo/"), back.out());
    assertFalse(result.get("preRestoreSnapshot").isNull(), back.out());
    assertEquals(v2, target.revision());
    assertEquals(v2Data, target.stateDigest(), "the data written after the update, byte for byte");
  }

  @Test
  void restore_of_a_snapshot_the_host_does_not_know_fails_with_one_line_and_changes_nothing()
      throws Exception {
    target.publish("healthy v2");
    CliRun update = run("update", "demo");
    assertEquals(0, update.exitCode(), update.toString());
    Files.writeString(target.state().resolve("sessions/two.json"), "{\"id\": 2}\n");
    String revision = target.revision();
    String data = target.stateDigest();
    List<Path> snapshots = target.snapshots();

    for (String bogus : List.of("../etc/passwd", "nope.zip")) {
      CliRun restore = run("restore", "demo", bogus);

      assertEquals(1, restore.exitCode(), restore.toString());
      assertEquals(1, restore.err().lines().count(), restore.toString());
      assertTrue(restore.err().contains(bogus), restore.toString());
      // The host's boundary refuses a path before the activity runs; both name the list.
      assertTrue(restore.err().contains("steward snapshots demo"), restore.toString());
      assertEquals(revision, target.revision(), "the checkout is unchanged");
      assertEquals(data, target.stateDigest(), "the data is unchanged");
      assertEquals(snapshots, target.snapshots(), "no snapshot taken");
    }
  }

  @Test
  void snapshots_says_there_are_none_and_both_commands_refuse_an_unknown_target_as_hold_does() {
    CliRun none = run("snapshots", "demo");
    CliRun noneJson = run("snapshots", "demo", "--output", "json");
    CliRun unknown = run("snapshots", "nosuch");
    CliRun restoreUnknown = run("restore", "nosuch", "nope.zip");

    assertEquals(0, none.exitCode(), none.toString());
    assertEquals("demo: no snapshots yet in " + target.snapshotDir() + "\n", none.out());
    assertEquals(0, noneJson.exitCode(), noneJson.toString());
    assertEquals("[ ]", noneJson.out().strip());
    assertEquals(2, unknown.exitCode(), unknown.toString());
    assertEquals(1, unknown.err().lines().count(), unknown.toString());
    assertTrue(unknown.err().contains("no target \"nosuch\""), unknown.err());
    assertEquals(2, restoreUnknown.exitCode(), restoreUnknown.toString());
    assertEquals(unknown.err(), restoreUnknown.err());
  }

  private CliRun run(String... args) {
    return CliRun.withConfig(target.config(), args);
  }

  private JsonNode listing() throws Exception {
    CliRun run = run("snapshots", "demo", "--output", "json");
    assertEquals(0, run.exitCode(), run.toString());
    return JSON.readTree(run.out());
  }

  private static JsonNode ofKind(JsonNode listing, String kind) {
    for (JsonNode snapshot : listing) {
      if (snapshot.get("kind").asText().equals(kind)) {
        return snapshot;
      }
    }
    throw new AssertionError("no " + kind + " snapshot in " + listing);
  }

  private TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }
}
