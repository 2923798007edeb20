package dev.steward.activities.snapshot;

import static dev.steward.activities.snapshot.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots made by the user's export command and restored by the import command. */
class CommandSnapshotTest {
  private static final List<String> TAR_EXPORT = List.of("tar", "-cf", "{file}", ".");
  private static final List<String> TAR_IMPORT = List.of("tar", "-xf", "{file}");

  @TempDir Path root;
  private Path state;
  private Path backups;
  private final SnapshotActivitiesImpl snapshots = new SnapshotActivitiesImpl();

  @BeforeEach
  void createState() throws IOException {
    state = Files.createDirectories(root.resolve("hermes-home"));
    backups = root.resolve("backups");
    write(state, "config.yaml", "model: small\n");
    write(state, "memories/user.md", "likes tea\n");
  }

  private TargetPlan plan(List<String> export, List<String> importCommand) {
    return Plans.plan(
        "hermes", root.resolve("code"), state, Plans.commands(backups, export, importCommand));
  }

  @Test
  void export_and_import_commands_make_and_restore_the_snapshot() throws IOException {
    TargetPlan plan = plan(TAR_EXPORT, TAR_IMPORT);
    SnapshotInfo snapshot = snapshots.takeSnapshot(plan, "update/hermes/1/snapshot", "r1");
    write(state, "memories/user.md", "forgot everything\n");

    snapshots.restoreSnapshot(plan, snapshot);

    assertEquals("likes tea\n", Files.readString(state.resolve("memories/user.md")));
    Path file = Path.of(snapshot.file());
    assertEquals(BuiltInSnapshotTest.sha256(file), snapshot.sha256());
    assertEquals(Files.size(file), snapshot.bytes());
    var manifest =
        new ObjectMapper()
            .readTree(file.resolveSibling(BuiltInSnapshotTest.manifestName(snapshot)).toFile());
    assertEquals("command", manifest.get("kind").asText());
    assertEquals("r1", manifest.get("revision").asText());
  }

  @Test
  void a_failing_export_command_fails_the_snapshot_with_its_last_line_and_leaves_nothing()
      throws IOException {
    List<String> failing =
        List.of("sh", "-c", "echo starting; echo 'backup: disk on fire' >&2; exit 1", "{file}");

    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () -> snapshots.takeSnapshot(plan(failing, TAR_IMPORT), "k", "r1"));

    assertEquals(FailureTypes.SNAPSHOT_FAILED, failure.getType());
    String message = failure.getOriginalMessage();
    assertTrue(message.startsWith("export command `sh -c "), message);
    assertTrue(message.endsWith("exited 1: backup: disk on fire"), message);
    assertEquals(List.of(), BuiltInSnapshotTest.listNames(backups));
  }

  @Test
  void an_export_command_that_writes_nothing_fails_the_snapshot() {
    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () -> snapshots.takeSnapshot(plan(List.of("true", "{file}"), TAR_IMPORT), "k", "r1"));

    assertEquals(FailureTypes.SNAPSHOT_FAILED, failure.getType());
    assertTrue(
        failure.getOriginalMessage().contains("missing or empty"), failure.getOriginalMessage());
  }

  @Test
  void a_failing_import_command_fails_the_restore() {
    SnapshotInfo snapshot = snapshots.takeSnapshot(plan(TAR_EXPORT, TAR_IMPORT), "k", "r1");
    TargetPlan broken =
        plan(TAR_EXPORT, List.of("sh", "-c", "echo 'import: not a hermes backup'; exit 3"));

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> snapshots.restoreSnapshot(broken, snapshot));

    assertEquals(FailureTypes.SNAPSHOT_FAILED, failure.getType());
    assertTrue(
        failure.getOriginalMessage().endsWith("exited 3: import: not a hermes backup"),
        failure.getOriginalMessage());
  }

  @Test
  void taking_an_exported_snapshot_again_with_the_same_key_does_not_run_the_export_again()
      throws IOException {
    Path counter = root.resolve("exports");
    List<String> counting =
        List.of(
            "sh",
            "-c",
            "echo run >> \"$1\" && tar -cf \"$2\" .",
            "export",
            counter.toString(),
            "{file}");
    SnapshotInfo first = snapshots.takeSnapshot(plan(counting, TAR_IMPORT), "k", "r1");

    SnapshotInfo second = snapshots.takeSnapshot(plan(counting, TAR_IMPORT), "k", "r1");

    assertEquals(first, second);
    assertEquals(List.of("run"), Files.readAllLines(counter));
  }
}
