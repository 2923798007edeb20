package dev.steward.activities.snapshot;

import static dev.steward.activities.snapshot.Trees.write;
import static dev.steward.activities.testing.Shell.git;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.status.StatusActivitiesImpl;
import dev.steward.workflows.host.GoodRelease;
import dev.steward.workflows.host.SnapshotActivities;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy of the state a restore replaces: what it holds, what it records, who may prune it. */
class PreRestoreSnapshotTest {
  /** The workflow id Temporal's activity test environment runs its activities under. */
  private static final String TEST_WORKFLOW = "test-workflow-id";

  @TempDir Path root;
  private Path checkout;
  private Path state;
  private Path backups;
  private TargetPlan plan;
  private String head;
  private final SnapshotActivitiesImpl snapshots = new SnapshotActivitiesImpl();

  @BeforeEach
  void createCheckoutAndState() throws Exception {
    checkout = Files.createDirectories(root.resolve("app"));
    git(checkout, "init", "-q", "-b", "main");
    write(checkout, "app.txt", "v2\n");
    git(checkout, "add", "-A");
    git(checkout, "commit", "-q", "-m", "v2");
    head = git(checkout, "rev-parse", "HEAD");
    state = Files.createDirectories(root.resolve("data"));
    write(state, "memories/user.md", "written a day after the update\n");
    write(state, "db/state.db", "corrupted \u0000\u0001 bytes");
    backups = root.resolve("backups");
    plan = Plans.plan("demo", checkout, state, Plans.builtIn(backups, 2));
  }

  @Test
  void holds_the_state_as_it_is_and_records_its_kind_and_the_checkouts_revision() throws Exception {
    Map<String, String> asItWas = Trees.read(state);
    SnapshotInfo preUpdate = snapshots.takeSnapshot(plan, "update/demo/1/snapshot", "old");

    SnapshotInfo copy = snapshots.takePreRestoreSnapshot(plan, "recover/demo/1/pre-restore");

    String name = Path.of(copy.file()).getFileName().toString();
    assertTrue(name.matches("pre-restore-\\d{4}-\\d\\d-\\d\\d-\\d{6}-[0-9a-f]{8}\\.zip"), name);
    assertEquals(head, copy.revision());
    JsonNode manifest = manifest(copy);
    assertEquals("pre-restore", manifest.get("purpose").asText());
    assertEquals("archive", manifest.get("kind").asText());
    assertEquals(head, manifest.get("revision").asText());
    snapshots.restoreSnapshot(plan, preUpdate);
    snapshots.restoreSnapshot(plan, copy);
    assertEquals(asItWas, Trees.read(state));
  }

  @Test
  void records_no_revision_when_the_checkout_is_not_a_git_repository() throws Exception {
    TargetPlan noGit =
        Plans.plan("demo", Files.createDirectories(root.resolve("plain")), state, plan.snapshot());

    SnapshotInfo copy = snapshots.takePreRestoreSnapshot(noGit, "recover/demo/1/pre-restore");

    assertNull(copy.revision());
    assertTrue(manifest(copy).get("revision").isNull());
  }

  @Test
  void a_retry_with_the_same_key_reuses_the_copy_and_a_damaged_one_is_taken_again()
      throws Exception {
    String key = "recover/demo/1/pre-restore";
    SnapshotInfo first = snapshots.takePreRestoreSnapshot(plan, key);
    assertEquals(first, snapshots.takePreRestoreSnapshot(plan, key));

    BuiltInSnapshotTest.flipByte(Path.of(first.file()), 10);
    SnapshotInfo again = snapshots.takePreRestoreSnapshot(plan, key);

    assertEquals(again.sha256(), BuiltInSnapshotTest.sha256(Path.of(again.file())));
    assertEquals(
        again, snapshots.findSnapshot(plan, Path.of(again.file()).getFileName().toString()));
    assertEquals(BuiltInSnapshotTest.filesOf(again), BuiltInSnapshotTest.listNames(backups));
  }

  @Test
  void the_export_command_makes_a_pre_restore_copy_too() throws Exception {
    TargetPlan commands =
        Plans.plan(
            "demo",
            checkout,
            state,
            Plans.commands(
                backups, List.of("tar", "-cf", "{file}", "."), List.of("tar", "-xf", "{file}")));
    SnapshotInfo copy = snapshots.takePreRestoreSnapshot(commands, "recover/demo/1/pre-restore");
    write(state, "memories/user.md", "restored over\n");

    snapshots.restoreSnapshot(commands, copy);

    assertEquals(
        "written a day after the update\n", Files.readString(state.resolve("memories/user.md")));
    JsonNode manifest = manifest(copy);
    assertEquals("pre-restore", manifest.get("purpose").asText());
    assertEquals("command", manifest.get("kind").asText());
    assertEquals(head, manifest.get("revision").asText());
  }

  @Test
  void recovery_never_picks_a_pre_restore_copy_even_when_it_is_the_newest() throws Exception {
    SnapshotInfo preUpdate = snapshots.takeSnapshot(plan, "update/demo/1/snapshot", "v1");
    snapshots.takePreRestoreSnapshot(plan, "recover/demo/1/pre-restore");

    assertEquals(preUpdate, snapshots.findNewestVerifiedSnapshot(plan));
  }

  @Test
  void with_only_pre_restore_copies_there_is_nothing_for_recovery_to_restore() {
    snapshots.takePreRestoreSnapshot(plan, "recover/demo/1/pre-restore");

    assertNull(snapshots.findNewestVerifiedSnapshot(plan));
  }

  @Test
  void the_run_that_made_a_copy_never_prunes_it_and_later_runs_prune_it_by_count()
      throws Exception {
    SnapshotInfo older = snapshots.takeSnapshot(plan, "update/demo/1/snapshot", "v1");
    SnapshotInfo ours = snapshots.takePreRestoreSnapshot(plan, TEST_WORKFLOW + "/pre-restore");
    SnapshotInfo newer = snapshots.takeSnapshot(plan, "update/demo/3/snapshot", "v3");
    SnapshotInfo newest = snapshots.takeSnapshot(plan, "update/demo/4/snapshot", "v4");

    List<String> deletedInRun = pruneInsideTheRun(newest.file());

    assertEquals(List.of(older.file()), deletedInRun);
    assertEquals(
        BuiltInSnapshotTest.filesOf(ours, newer, newest), BuiltInSnapshotTest.listNames(backups));

    List<String> deletedLater = snapshots.pruneSnapshots(plan, newest.file());

    assertEquals(List.of(ours.file()), deletedLater);
    assertEquals(
        BuiltInSnapshotTest.filesOf(newer, newest), BuiltInSnapshotTest.listNames(backups));
  }

  @Test
  void a_restore_leaves_the_last_known_good_release_as_it_was() throws Exception {
    SnapshotInfo before = snapshots.takeSnapshot(plan, "update/demo/1/snapshot", "v1");
    StatusActivitiesImpl status = new StatusActivitiesImpl();
    GoodRelease good = status.markGoodRelease(plan, "update/demo/2");
    Path file = StatusActivitiesImpl.goodReleaseFile(plan);
    byte[] recorded = Files.readAllBytes(file);

    snapshots.restoreSnapshot(plan, before);

    assertArrayEquals(recorded, Files.readAllBytes(file));
    assertEquals(good, status.readGoodRelease(plan));
    assertEquals(head, good.revision());
  }

  private List<String> pruneInsideTheRun(String keepFile) {
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(snapshots);
      SnapshotActivities stub =
          env.newActivityStub(
              SnapshotActivities.class,
              ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());
      return stub.pruneSnapshots(plan, keepFile);
    } finally {
      env.close();
    }
  }

  private static JsonNode manifest(SnapshotInfo snapshot) throws IOException {
    Path file = Path.of(snapshot.file());
    return new ObjectMapper()
        .readTree(file.resolveSibling(BuiltInSnapshotTest.manifestName(snapshot)).toFile());
  }
}
