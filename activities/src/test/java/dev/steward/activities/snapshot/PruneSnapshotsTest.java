package dev.steward.activities.snapshot;

import static dev.steward.activities.snapshot.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.TargetPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneSnapshotsTest {
  @TempDir Path root;
  private Path backups;
  private TargetPlan plan;
  private final SnapshotActivitiesImpl snapshots = new SnapshotActivitiesImpl();

  @BeforeEach
  void createState() throws IOException {
    Path state = Files.createDirectories(root.resolve("data"));
    write(state, "data.txt", "data");
    backups = root.resolve("backups");
    plan = Plans.plan("demo", root.resolve("app"), state, Plans.builtIn(backups, 2));
  }

  private List<SnapshotInfo> takeOldestFirst(int count) {
    List<SnapshotInfo> taken = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      taken.add(snapshots.takeSnapshot(plan, "update/demo/" + i + "/snapshot", "rev" + i));
    }
    return taken;
  }

  @Test
  void keeps_the_newest_and_deletes_the_rest_with_their_manifests() throws IOException {
    List<SnapshotInfo> taken = takeOldestFirst(4);

    List<String> deleted = snapshots.pruneSnapshots(plan, taken.get(3).file());

    assertEquals(List.of(taken.get(1).file(), taken.get(0).file()), deleted);
    assertEquals(
        BuiltInSnapshotTest.filesOf(taken.get(2), taken.get(3)),
        BuiltInSnapshotTest.listNames(backups));
  }

  @Test
  void never_deletes_the_snapshot_to_keep_even_when_it_is_the_oldest() throws IOException {
    List<SnapshotInfo> taken = takeOldestFirst(4);

    List<String> deleted = snapshots.pruneSnapshots(plan, taken.get(0).file());

    assertEquals(List.of(taken.get(1).file()), deleted);
    assertEquals(
        BuiltInSnapshotTest.filesOf(taken.get(0), taken.get(2), taken.get(3)),
        BuiltInSnapshotTest.listNames(backups));
  }

  @Test
  void leaves_other_files_and_other_targets_snapshots_alone() throws IOException {
    TargetPlan other =
        Plans.plan("other", root.resolve("app"), Path.of(plan.state()), plan.snapshot());
    SnapshotInfo othersOld = snapshots.takeSnapshot(other, "update/other/1/snapshot", "o1");
    List<SnapshotInfo> taken = takeOldestFirst(3);
    write(backups, "notes.txt", "the admin's own file");
    write(
        backups,
        "pre-update-2001-01-01-000000-deadbeef.zip",
        "no manifest: not a complete snapshot");
    write(backups, "pre-update-2001-01-01-000001-deadbeef.json", "{\"not\": \"a manifest\"}");

    List<String> deleted = snapshots.pruneSnapshots(plan, taken.get(2).file());

    assertEquals(List.of(taken.get(0).file()), deleted);
    List<String> expected =
        new ArrayList<>(BuiltInSnapshotTest.filesOf(othersOld, taken.get(1), taken.get(2)));
    expected.addAll(
        List.of(
            "notes.txt",
            "pre-update-2001-01-01-000000-deadbeef.zip",
            "pre-update-2001-01-01-000001-deadbeef.json"));
    assertEquals(expected.stream().sorted().toList(), BuiltInSnapshotTest.listNames(backups));
  }
}
