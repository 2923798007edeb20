package dev.steward.activities.snapshot;

import static dev.steward.activities.snapshot.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.SnapshotListing;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward snapshots} and {@code steward restore TARGET SNAPSHOT}: by file name. */
class FindSnapshotsTest {
  @TempDir Path root;
  private Path state;
  private Path backups;
  private TargetPlan plan;
  private final SnapshotActivitiesImpl snapshots = new SnapshotActivitiesImpl();

  @BeforeEach
  void createState() throws IOException {
    state = Files.createDirectories(root.resolve("data"));
    write(state, "memories/user.md", "likes tea\n");
    backups = root.resolve("backups");
    plan = Plans.plan("demo", root.resolve("app"), state, Plans.builtIn(backups, 7));
  }

  @Test
  void finds_a_snapshot_by_the_name_the_listing_gives_and_restores_it() throws IOException {
    SnapshotInfo taken = snapshots.takeSnapshot(plan, "update/demo/1/snapshot", "abc1234");
    write(state, "memories/user.md", "forgot\n");

    SnapshotInfo found = snapshots.findSnapshot(plan, name(taken));
    snapshots.restoreSnapshot(plan, found);

    assertEquals(taken, found);
    assertEquals("likes tea\n", Files.readString(state.resolve("memories/user.md")));
  }

  @Test
  void refuses_names_that_are_not_a_plain_file_name_in_the_snapshot_directory() throws IOException {
    SnapshotInfo taken = snapshots.takeSnapshot(plan, "update/demo/1/snapshot", "abc1234");
    for (String name :
        List.of("../backups/" + name(taken), taken.file(), "sub/" + name(taken), "..", "", ".")) {
      ApplicationFailure failure = refused(name);
      assertTrue(failure.getOriginalMessage().contains("is not a snapshot file name"), name);
      assertTrue(failure.getOriginalMessage().contains("`steward snapshots demo`"), name);
    }
  }

  @Test
  void a_missing_snapshot_is_named_with_where_it_was_looked_for_and_how_to_list_them() {
    ApplicationFailure failure = refused("pre-update-2001-01-01-000000-deadbeef.zip");

    assertEquals(
        "no snapshot pre-update-2001-01-01-000000-deadbeef.zip of demo in "
            + backups
            + "; list them with `steward snapshots demo`",
        failure.getOriginalMessage());
  }

  @Test
  void another_targets_snapshot_in_the_same_directory_is_not_found() {
    TargetPlan other = Plans.plan("other", root.resolve("app"), state, plan.snapshot());
    SnapshotInfo theirs = snapshots.takeSnapshot(other, "update/other/1/snapshot", "abc1234");

    assertTrue(refused(name(theirs)).getOriginalMessage().startsWith("no snapshot "));
  }

  @Test
  void a_damaged_snapshot_is_refused_with_what_is_wrong() throws IOException {
    SnapshotInfo taken = snapshots.takeSnapshot(plan, "update/demo/1/snapshot", "abc1234");
    BuiltInSnapshotTest.flipByte(Path.of(taken.file()), 10);

    ApplicationFailure failure = refused(name(taken));

    assertEquals(
        "snapshot "
            + name(taken)
            + " of demo does not verify (it does not match the checksum in its manifest);"
            + " choose another from `steward snapshots demo`",
        failure.getOriginalMessage());
  }

  @Test
  void lists_every_snapshot_newest_first_with_kind_revision_size_and_whether_it_verifies()
      throws Exception {
    SnapshotInfo old = snapshots.takeSnapshot(plan, "update/demo/1/snapshot", "rev1");
    forgetPurpose(old);
    SnapshotInfo update = snapshots.takeSnapshot(plan, "update/demo/2/snapshot", "rev2");
    SnapshotInfo copy = snapshots.takePreRestoreSnapshot(plan, "recover/demo/3/pre-restore");
    Files.delete(Path.of(update.file()));

    List<SnapshotListing> listed = snapshots.listSnapshots(plan);

    assertEquals(
        List.of(name(copy), name(update), name(old)), listed.stream().map(l -> l.file()).toList());
    SnapshotListing first = listed.get(0);
    assertEquals("pre-restore", first.kind());
    assertNull(first.revision());
    assertEquals(Files.size(Path.of(copy.file())), first.bytes());
    assertTrue(first.verifies());
    assertNull(first.problem());
    Instant.parse(first.takenAt());
    assertTrue(first.takenAt().endsWith("Z"));
    SnapshotListing gone = listed.get(1);
    assertEquals("pre-update", gone.kind());
    assertEquals("rev2", gone.revision());
    assertFalse(gone.verifies());
    assertEquals("the file is missing", gone.problem());
    SnapshotListing older = listed.get(2);
    assertEquals("pre-update", older.kind());
    assertTrue(older.verifies());
  }

  @Test
  void listing_a_target_without_a_snapshot_directory_yet_is_empty_and_creates_nothing() {
    assertEquals(List.of(), snapshots.listSnapshots(plan));
    assertFalse(Files.exists(backups));
  }

  private ApplicationFailure refused(String name) {
    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> snapshots.findSnapshot(plan, name));
    assertEquals(FailureTypes.SNAPSHOT_FAILED, failure.getType());
    assertTrue(failure.isNonRetryable());
    return failure;
  }

  /** Makes the manifest look like one written before snapshots had a purpose. */
  private static void forgetPurpose(SnapshotInfo snapshot) throws IOException {
    Path manifest =
        Path.of(snapshot.file()).resolveSibling(BuiltInSnapshotTest.manifestName(snapshot));
    ObjectMapper json = new ObjectMapper();
    ObjectNode node = (ObjectNode) json.readTree(manifest.toFile());
    node.remove("purpose");
    Files.write(manifest, json.writeValueAsBytes(node));
  }

  private static String name(SnapshotInfo snapshot) {
    return Path.of(snapshot.file()).getFileName().toString();
  }
}
