package dev.steward.activities.snapshot;

import static dev.steward.activities.snapshot.Trees.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInSnapshotTest {
  private static final String KEY = "update/demo/2026-01-01T03:00:00Z/snapshot";

  @TempDir Path root;
  private Path state;
  private Path backups;
  private TargetPlan plan;
  private final SnapshotActivitiesImpl snapshots = new SnapshotActivitiesImpl();

  @BeforeEach
  void createState() throws IOException {
    state = Files.createDirectories(root.resolve("data"));
    backups = root.resolve("backups");
    plan = Plans.plan("demo", root.resolve("app"), state, Plans.builtIn(backups, 7));
    write(state, "config.yaml", "model: small\n");
    byte[] binary = new byte[200_000];
    new Random(42).nextBytes(binary);
    Files.write(Files.createDirectories(state.resolve("db")).resolve("state.db"), binary);
    write(state, "db/nested/deeper/notes.md", "# notes\n");
    Files.createDirectories(state.resolve("sessions/empty"));
    Path script = write(state, "hooks/run.sh", "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
    Files.createSymbolicLink(state.resolve("current"), Path.of("config.yaml"));
  }

  @Test
  void restores_state_exactly_removing_files_created_since() throws IOException {
    Instant mtime = Instant.parse("2024-05-06T07:08:09Z");
    Files.setLastModifiedTime(state.resolve("config.yaml"), FileTime.from(mtime));
    Map<String, String> before = Trees.read(state);
    SnapshotInfo snapshot = snapshots.takeSnapshot(plan, KEY, "abc123");

    write(state, "config.yaml", "model: huge\n");
    Files.delete(state.resolve("db/state.db"));
    write(state, "new.txt", "created after the snapshot");
    write(state, "newdir/inner/file.bin", "x");
    Files.delete(state.resolve("sessions/empty"));
    Files.setPosixFilePermissions(
        state.resolve("hooks/run.sh"), PosixFilePermissions.fromString("rw-------"));
    Files.delete(state.resolve("current"));
    Files.createSymbolicLink(state.resolve("current"), Path.of("elsewhere"));
    snapshots.restoreSnapshot(plan, snapshot);

    assertEquals(before, Trees.read(state));
    assertFalse(Files.exists(state.resolve("new.txt")));
    assertFalse(Files.exists(state.resolve("newdir")));
    assertEquals(mtime, Files.getLastModifiedTime(state.resolve("config.yaml")).toInstant());
  }

  @Test
  void restoring_twice_gives_the_same_state() throws IOException {
    Map<String, String> before = Trees.read(state);
    SnapshotInfo snapshot = snapshots.takeSnapshot(plan, KEY, "abc123");
    write(state, "db/nested/extra.txt", "later");

    snapshots.restoreSnapshot(plan, snapshot);
    snapshots.restoreSnapshot(plan, snapshot);

    assertEquals(before, Trees.read(state));
  }

  @Test
  void records_key_revision_and_checksum_in_a_manifest_beside_the_archive() throws IOException {
    SnapshotInfo snapshot = snapshots.takeSnapshot(plan, KEY, "abc123");

    Path file = Path.of(snapshot.file());
    assertEquals(backups, file.getParent());
    assertTrue(
        file.getFileName()
            .toString()
            .matches("pre-update-\\d{4}-\\d\\d-\\d\\d-\\d{6}-[0-9a-f]{8}\\.zip"));
    JsonNode manifest =
        new ObjectMapper()
            .readTree(
                file.resolveSibling(file.getFileName().toString().replace(".zip", ".json"))
                    .toFile());
    assertEquals(KEY, manifest.get("key").asText());
    assertEquals("demo", manifest.get("target").asText());
    assertEquals("abc123", manifest.get("revision").asText());
    assertEquals("archive", manifest.get("kind").asText());
    assertEquals(Files.size(file), manifest.get("bytes").asLong());
    assertEquals(sha256(file), manifest.get("sha256").asText());
    assertEquals(sha256(file), snapshot.sha256());
  }

  @Test
  void taking_a_snapshot_again_with_the_same_key_returns_the_first_one() throws IOException {
    SnapshotInfo first = snapshots.takeSnapshot(plan, KEY, "abc123");
    write(state, "config.yaml", "changed after the first attempt");

    SnapshotInfo second = snapshots.takeSnapshot(plan, KEY, "abc123");

    assertEquals(first, second);
    assertEquals(filesOf(first), listNames(backups));
  }

  @Test
  void a_damaged_snapshot_for_the_key_is_replaced_and_only_one_remains() throws IOException {
    SnapshotInfo first = snapshots.takeSnapshot(plan, KEY, "abc123");
    flipByte(Path.of(first.file()), 100);

    SnapshotInfo second = snapshots.takeSnapshot(plan, KEY, "abc123");

    assertEquals(sha256(Path.of(second.file())), second.sha256());
    assertTrue(zipEntries(Path.of(second.file())).contains("config.yaml"));
    assertEquals(filesOf(second), listNames(backups));
  }

  @Test
  void a_half_written_snapshot_from_a_crashed_attempt_is_cleaned_up() throws IOException {
    Files.createDirectories(backups);
    String hash = Checksums.shortHash(KEY);
    write(backups, "pre-update-2026-01-01-030000-" + hash + ".zip", "truncated");
    write(backups, ".partial-pre-update-2026-01-01-030001-" + hash + ".zip", "truncated");
    write(backups, "unrelated.zip", "not ours");

    SnapshotInfo snapshot = snapshots.takeSnapshot(plan, KEY, "abc123");

    List<String> expected =
        List.of(
            Path.of(snapshot.file()).getFileName().toString(),
            manifestName(snapshot),
            "unrelated.zip");
    assertEquals(expected.stream().sorted().toList(), listNames(backups));
  }

  @Test
  void refuses_to_restore_a_corrupted_archive_and_changes_nothing() throws IOException {
    SnapshotInfo snapshot = snapshots.takeSnapshot(plan, KEY, "abc123");
    write(state, "config.yaml", "model: huge\n");
    write(state, "new.txt", "created after the snapshot");
    Map<String, String> modified = Trees.read(state);
    flipByte(Path.of(snapshot.file()), 1000);

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> snapshots.restoreSnapshot(plan, snapshot));

    assertEquals(FailureTypes.SNAPSHOT_FAILED, failure.getType());
    assertTrue(
        failure.getOriginalMessage().contains("does not match its checksum"),
        failure.getOriginalMessage());
    assertEquals(modified, Trees.read(state));
  }

  @Test
  void refuses_to_restore_a_snapshot_whose_file_is_gone() throws IOException {
    SnapshotInfo snapshot = snapshots.takeSnapshot(plan, KEY, "abc123");
    Files.delete(Path.of(snapshot.file()));

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> snapshots.restoreSnapshot(plan, snapshot));

    assertEquals(FailureTypes.SNAPSHOT_FAILED, failure.getType());
    assertTrue(failure.getOriginalMessage().contains("is missing"), failure.getOriginalMessage());
  }

  @Test
  void a_missing_state_directory_fails_the_snapshot() throws IOException {
    TargetPlan missing =
        Plans.plan("demo", root.resolve("app"), root.resolve("nope"), Plans.builtIn(backups, 7));

    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class, () -> snapshots.takeSnapshot(missing, KEY, "abc123"));

    assertEquals(FailureTypes.SNAPSHOT_FAILED, failure.getType());
  }

  static List<String> zipEntries(Path zip) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      return Collections.list(file.entries()).stream().map(e -> e.getName()).sorted().toList();
    }
  }

  static List<String> listNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** The names of the files that make up snapshots: each file and its manifest, sorted. */
  static List<String> filesOf(SnapshotInfo... snapshots) {
    return Stream.of(snapshots)
        .flatMap(s -> Stream.of(Path.of(s.file()).getFileName().toString(), manifestName(s)))
        .sorted()
        .toList();
  }

  static String manifestName(SnapshotInfo snapshot) {
    return Path.of(snapshot.file()).getFileName().toString().replace(".zip", ".json");
  }

  static void flipByte(Path file, int offset) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[offset] ^= 0x5a;
    Files.write(file, bytes);
  }

  static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
