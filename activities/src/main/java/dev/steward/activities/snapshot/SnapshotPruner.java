package dev.steward.activities.snapshot;

import dev.steward.activities.snapshot.SnapshotDirectory.Stored;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deletes a target's oldest snapshots beyond the number to keep. It only ever considers complete
 * snapshots of that target (with Steward's manifest), so other files in the directory, and other
 * targets' snapshots sharing it, are left alone.
 */
final class SnapshotPruner {
  private static final Comparator<Stored> NEWEST_FIRST =
      Comparator.comparing(SnapshotPruner::created)
          .thenComparing(s -> s.file().getFileName().toString())
          .reversed();

  private final SnapshotDirectory dir;
  private final String target;

  SnapshotPruner(SnapshotDirectory dir, String target) {
    this.dir = dir;
    this.target = target;
  }

  /**
   * Keeps the newest {@code keep} snapshots and {@code keepFile} (even when it is older), deletes
   * the rest.
   *
   * @return the snapshot files deleted
   */
  List<String> prune(int keep, String keepFile) throws IOException {
    List<Stored> newestFirst =
        dir.list().stream()
            .filter(s -> target.equals(s.manifest().target()))
            .sorted(NEWEST_FIRST)
            .toList();
    List<String> deleted = new ArrayList<>();
    for (Stored old :
        newestFirst.subList(Math.min(Math.max(keep, 0), newestFirst.size()), newestFirst.size())) {
      if (keepFile != null && sameFile(old.file(), Path.of(keepFile))) {
        continue;
      }
      dir.delete(old);
      deleted.add(old.file().toString());
    }
    return deleted;
  }

  private static Instant created(Stored snapshot) {
    try {
      return Instant.parse(snapshot.manifest().created());
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException missing) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }
}
