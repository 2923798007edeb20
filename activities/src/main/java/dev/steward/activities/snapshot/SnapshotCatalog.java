package dev.steward.activities.snapshot;

import static dev.steward.activities.snapshot.Failures.reason;
import static dev.steward.activities.snapshot.Failures.snapshotFailed;

import dev.steward.activities.snapshot.SnapshotDirectory.Stored;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.SnapshotListing;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A target's complete snapshots, read from the snapshot directory without changing it: for a
 * recovery, for a manual restore by name, and for {@code steward snapshots}. Works outside an
 * activity too (the CLI calls it directly).
 */
final class SnapshotCatalog {
  /** Newest first; the file name breaks ties, so the order is the same at every call. */
  static final Comparator<Stored> NEWEST_FIRST =
      Comparator.comparing(SnapshotCatalog::created)
          .thenComparing(s -> s.file().getFileName().toString())
          .reversed();

  private static final Logger log = LoggerFactory.getLogger(SnapshotCatalog.class);

  private final SnapshotDirectory dir;
  private final String target;

  SnapshotCatalog(SnapshotDirectory dir, String target) {
    this.dir = dir;
    this.target = target;
  }

  /**
   * The newest {@code pre-update} snapshot that verifies, or null. Never a {@code pre-restore} one:
   * it holds whatever a failed release left (corrupted data, say), not a release's state.
   */
  SnapshotInfo newestVerified() {
    for (Stored stored : newestFirst()) {
      if (stored.manifest().preRestore()) {
        continue;
      }
      if (SnapshotCheck.verifies(stored)) {
        return stored.manifest().toInfo(stored.file());
      }
      log.warn("snapshot {} does not verify; trying an older one", stored.file());
    }
    return null;
  }

  /** The snapshot named {@code name} (a file name, as {@link #list} gives it), verified. */
  SnapshotInfo find(String name) {
    String listThem = "`steward snapshots " + target + "`";
    if (!plainFileName(name)) {
      throw snapshotFailed(
          "\"" + name + "\" is not a snapshot file name; give one as " + listThem + " lists it");
    }
    Optional<Stored> found =
        newestFirst().stream()
            .filter(s -> s.file().getFileName().toString().equals(name))
            .findFirst();
    if (found.isEmpty()) {
      throw snapshotFailed(
          "no snapshot "
              + name
              + " of "
              + target
              + " in "
              + dir.path()
              + "; list them with "
              + listThem);
    }
    Optional<String> problem = SnapshotCheck.problem(found.get());
    if (problem.isPresent()) {
      throw snapshotFailed(
          "snapshot "
              + name
              + " of "
              + target
              + " does not verify ("
              + problem.get()
              + "); choose another from "
              + listThem);
    }
    return found.get().manifest().toInfo(found.get().file());
  }

  /** Every snapshot of the target, newest first, each checked. */
  List<SnapshotListing> list() {
    return newestFirst().stream().map(SnapshotCatalog::listing).toList();
  }

  /** Whether {@code name} is one file's name, nothing that could lead out of the directory. */
  static boolean plainFileName(String name) {
    return name != null
        && !name.isBlank()
        && !name.contains("/")
        && !name.contains("\0")
        && !name.equals(".")
        && !name.equals("..");
  }

  private List<Stored> newestFirst() {
    try {
      return dir.list().stream()
          .filter(s -> target.equals(s.manifest().target()))
          .sorted(NEWEST_FIRST)
          .toList();
    } catch (IOException e) {
      throw snapshotFailed("cannot list snapshots in " + dir.path() + ": " + reason(e));
    }
  }

  private static SnapshotListing listing(Stored stored) {
    SnapshotManifest manifest = stored.manifest();
    Optional<String> problem = SnapshotCheck.problem(stored);
    long bytes;
    try {
      bytes = Files.isRegularFile(stored.file()) ? Files.size(stored.file()) : manifest.bytes();
    } catch (IOException e) {
      bytes = manifest.bytes();
    }
    return new SnapshotListing(
        stored.file().getFileName().toString(),
        created(stored).toString(),
        manifest.purposeOrDefault(),
        manifest.revision(),
        bytes,
        problem.isEmpty(),
        problem.orElse(null));
  }

  private static Instant created(Stored snapshot) {
    try {
      return Instant.parse(snapshot.manifest().created());
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
