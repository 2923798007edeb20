package dev.steward.activities.snapshot;

import static dev.steward.activities.snapshot.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.TargetPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the built-in archive leaves out, and that a restore leaves those paths alone. */
class SnapshotScopeTest {
  @TempDir Path state;
  private final SnapshotActivitiesImpl snapshots = new SnapshotActivitiesImpl();

  // The snapshot directory and the checkout both live inside the state directory here.
  private TargetPlan plan() {
    return Plans.plan(
        "demo",
        state.resolve("code"),
        state,
        Plans.builtIn(state.resolve("backups"), 7, "*.tmp", "cache/**", "/logs/old"));
  }

  private void writeState() throws IOException {
    write(state, "data.txt", "v1");
    write(state, ".steward/service.json", "{\"pid\": 1}");
    write(state, ".auto-update-status.json", "{\"status\": \"success\"}");
    write(state, "code/main.py", "print('code')");
    write(state, "cache/blobs/a", "cached");
    write(state, "work/scratch.tmp", "scratch");
    write(state, "work/keep.txt", "kept");
    write(state, "logs/old/1.log", "old log");
    write(state, "logs/new.log", "new log");
    write(state, "deep/x/y.tmp/inside.txt", "in a directory matched by name");
  }

  @Test
  void leaves_stewards_files_snapshots_code_and_excluded_paths_out_of_the_archive()
      throws IOException {
    writeState();

    SnapshotInfo snapshot = snapshots.takeSnapshot(plan(), "k", "rev");

    List<String> entries = BuiltInSnapshotTest.zipEntries(Path.of(snapshot.file()));
    assertEquals(
        List.of(
            "cache/",
            "data.txt",
            "deep/",
            "deep/x/",
            "logs/",
            "logs/new.log",
            "work/",
            "work/keep.txt"),
        entries);
  }

  @Test
  void restore_leaves_protected_and_excluded_paths_alone() throws IOException {
    writeState();
    TargetPlan plan = plan();
    SnapshotInfo snapshot = snapshots.takeSnapshot(plan, "k", "rev");
    write(state, "data.txt", "v2");
    write(state, ".steward/service.json", "{\"pid\": 2}");
    write(state, ".steward/service.log", "new log line");
    write(state, ".auto-update-status.json", "{\"status\": \"rollback\"}");
    write(state, "code/main.py", "print('new code')");
    write(state, "cache/blobs/b", "new cache");
    write(state, "work/other.tmp", "new scratch");
    write(state, "fresh/only.tmp", "a new directory that holds only an excluded file");

    snapshots.restoreSnapshot(plan, snapshot);

    assertEquals("v1", Files.readString(state.resolve("data.txt")));
    assertEquals("{\"pid\": 2}", Files.readString(state.resolve(".steward/service.json")));
    assertTrue(Files.exists(state.resolve(".steward/service.log")));
    assertEquals(
        "{\"status\": \"rollback\"}", Files.readString(state.resolve(".auto-update-status.json")));
    assertEquals("print('new code')", Files.readString(state.resolve("code/main.py")));
    assertTrue(Files.exists(state.resolve("cache/blobs/b")));
    assertTrue(Files.exists(state.resolve("work/other.tmp")));
    assertTrue(Files.exists(state.resolve("fresh/only.tmp")));
    assertTrue(Files.exists(state.resolve("logs/old/1.log")));
    assertTrue(Files.exists(Path.of(snapshot.file())));
  }

  @Test
  void a_pattern_without_a_slash_matches_names_at_any_depth_and_one_with_a_slash_the_path() {
    StateScope scope = StateScope.of(plan());

    assertTrue(scope.leftOut("a.tmp"));
    assertTrue(scope.leftOut("x/y/a.tmp"));
    assertTrue(scope.leftOut("x/b.tmp/c.txt"));
    assertTrue(scope.leftOut("cache/a"));
    assertTrue(scope.leftOut("cache/a/b"));
    assertFalse(scope.leftOut("cache"));
    assertFalse(scope.leftOut("x/cache/a"));
    assertTrue(scope.leftOut("logs/old/1.log"));
    assertFalse(scope.leftOut("x/logs/old"));
    assertTrue(scope.leftOut(".steward/anything"));
    assertFalse(scope.leftOut("x/.steward"));
    assertTrue(scope.leftOut("backups/pre-update-1.zip"));
    assertTrue(scope.leftOut("code"));
    assertFalse(scope.leftOut("data.txt"));
  }
}
