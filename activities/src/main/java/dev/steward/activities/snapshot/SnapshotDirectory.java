package dev.steward.activities.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.steward.activities.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The snapshot directory: names new snapshots, lists the complete ones (those with a manifest), and
 * removes Steward's own files, never anything else in it.
 */
final class SnapshotDirectory {
  private static final List<String> PREFIXES =
      List.of(SnapshotManifest.PRE_UPDATE + "-", SnapshotManifest.PRE_RESTORE + "-");
  private static final String PARTIAL = ".partial-";
  private static final String EXTENSION = ".zip";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  private SnapshotDirectory(Path dir) {
    this.dir = dir;
  }

  /** Opens (and creates when missing) the snapshot directory. */
  static SnapshotDirectory open(Path dir) throws IOException {
    Files.createDirectories(dir);
    return new SnapshotDirectory(dir.toAbsolutePath().normalize());
  }

  /** The snapshot directory for reading only: a missing one is empty, and is not created. */
  static SnapshotDirectory existing(Path dir) {
    return new SnapshotDirectory(dir.toAbsolutePath().normalize());
  }

  /** Where it is. */
  Path path() {
    return dir;
  }

  /** A snapshot file stored here with its manifest. */
  record Stored(Path file, Path manifestFile, SnapshotManifest manifest) {}

  /**
   * The name of a new snapshot: {@code <purpose>-<UTC time>-<hash of key>.zip}, {@code purpose}
   * being {@code pre-update} or {@code pre-restore}.
   */
  Path newFile(String purpose, String key, Instant now) {
    return dir.resolve(
        purpose + "-" + STAMP.format(now) + "-" + Checksums.shortHash(key) + EXTENSION);
  }

  /** Where a snapshot is written before it is renamed into place. */
  Path partialFor(Path file) {
    return dir.resolve(PARTIAL + file.getFileName());
  }

  /** The complete snapshots here, in no particular order. */
  List<Stored> list() throws IOException {
    List<Stored> stored = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return stored;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path manifestFile : (Iterable<Path>) files::iterator) {
        read(manifestFile).ifPresent(stored::add);
      }
    }
    return stored;
  }

  /** The complete snapshot made for {@code key}, if any. */
  Optional<Stored> findByKey(String key) throws IOException {
    return list().stream().filter(s -> s.manifest().key().equals(key)).findFirst();
  }

  /** The manifest beside {@code file}, if it is a complete snapshot of ours. */
  static Optional<SnapshotManifest> manifestOf(Path file) {
    return read(manifestFileOf(file)).map(Stored::manifest);
  }

  /** Writes the manifest beside its snapshot, which makes the snapshot complete. */
  void writeManifest(Path file, SnapshotManifest manifest) throws IOException {
    AtomicFiles.write(manifestFileOf(file), JSON.writeValueAsBytes(manifest));
  }

  /** Deletes a snapshot: the file first, so a crash leaves at worst a manifest to prune later. */
  void delete(Stored snapshot) throws IOException {
    Files.deleteIfExists(snapshot.file());
    Files.deleteIfExists(snapshot.manifestFile());
  }

  /** Deletes what an earlier attempt for {@code key} left half-written (no manifest). */
  void removeIncomplete(String key) throws IOException {
    String suffix = "-" + Checksums.shortHash(key) + EXTENSION;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        boolean partial = name.startsWith(PARTIAL) && ours(name.substring(PARTIAL.length()));
        boolean orphan = ours(name) && !Files.exists(manifestFileOf(file));
        if (name.endsWith(suffix) && (partial || orphan)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static Optional<Stored> read(Path manifestFile) {
    String name = manifestFile.getFileName().toString();
    if (!ours(name) || !name.endsWith(".json") || !Files.isRegularFile(manifestFile)) {
      return Optional.empty();
    }
    try {
      SnapshotManifest manifest = JSON.readValue(manifestFile.toFile(), SnapshotManifest.class);
      if (!manifest.complete()) {
        return Optional.empty();
      }
      Path file = manifestFile.resolveSibling(Path.of(manifest.file()).getFileName());
      return Optional.of(new Stored(file, manifestFile, manifest));
    } catch (IOException | RuntimeException notOurs) {
      return Optional.empty();
    }
  }

  private static boolean ours(String name) {
    return PREFIXES.stream().anyMatch(name::startsWith);
  }

  private static Path manifestFileOf(Path file) {
    String name = file.getFileName().toString();
    String base = name.endsWith(EXTENSION) ? name.substring(0, name.length() - 4) : name;
    return file.resolveSibling(base + ".json");
  }
}
