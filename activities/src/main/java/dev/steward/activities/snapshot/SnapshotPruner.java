package dev.steward.activities.snapshot;

import dev.steward.activities.snapshot.SnapshotDirectory.Stored;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes a target's oldest snapshots beyond the number to keep. It only ever considers complete
 * snapshots of that target (with Steward's manifest), so other files in the directory, and other
 * targets' snapshots sharing it, are left alone.
 */
final class SnapshotPruner {
  private final SnapshotDirectory dir;
  private final String target;
  private final String runningWorkflowId;

  /**
   * @param runningWorkflowId the workflow pruning, whose own snapshots (a pre-restore copy it took
   *     minutes ago) are never deleted; null outside a workflow
   */
  SnapshotPruner(SnapshotDirectory dir, String target, String runningWorkflowId) {
    this.dir = dir;
    this.target = target;
    this.runningWorkflowId = runningWorkflowId;
  }

  /**
   * Keeps the newest {@code keep} snapshots of either kind, {@code keepFile} (even when it is
   * older) and those the running workflow made, deletes the rest.
   *
   * @return the snapshot files deleted
   */
  List<String> prune(int keep, String keepFile) throws IOException {
    List<Stored> newestFirst =
        dir.list().stream()
            .filter(s -> target.equals(s.manifest().target()))
            .sorted(SnapshotCatalog.NEWEST_FIRST)
            .toList();
    List<String> deleted = new ArrayList<>();
    for (Stored old :
        newestFirst.subList(Math.min(Math.max(keep, 0), newestFirst.size()), newestFirst.size())) {
      if (keepFile != null && sameFile(old.file(), Path.of(keepFile)) || madeByRunning(old)) {
        continue;
      }
      dir.delete(old);
      deleted.add(old.file().toString());
    }
    return deleted;
  }

  private boolean madeByRunning(Stored snapshot) {
    return runningWorkflowId != null
        && snapshot.manifest().key().startsWith(runningWorkflowId + "/");
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException missing) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }
}
