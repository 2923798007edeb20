package dev.steward.activities.disk;

import dev.steward.workflows.host.DiskActivities;
import dev.steward.workflows.host.DiskReport;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Checks that the filesystems a run writes to keep {@code minFree} free after a snapshot the size
 * of the newest one: the state directory's, and the snapshot directory's when it is another one.
 */
public class DiskActivitiesImpl implements DiskActivities {

  @Override
  public DiskReport checkDisk(TargetPlan plan) {
    try {
      Path state = Path.of(plan.state());
      Path snapshots = Path.of(plan.snapshot().dir());
      long snapshot = newestSnapshotBytes(snapshots);
      FileStore stateStore = Files.getFileStore(nearestExisting(state));
      long free = stateStore.getUsableSpace();
      require(free, plan.minFreeBytes(), snapshot, state + " (state)");
      FileStore snapshotStore = Files.getFileStore(nearestExisting(snapshots));
      if (!snapshotStore.equals(stateStore)) {
        require(
            snapshotStore.getUsableSpace(),
            plan.minFreeBytes(),
            snapshot,
            snapshots + " (snapshots)");
      }
      return new DiskReport(free, plan.minFreeBytes() + snapshot);
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  private static void require(long free, long minFree, long snapshot, String where) {
    if (free >= minFree + snapshot) {
      return;
    }
    String need =
        snapshot > 0
            ? Sizes.human(minFree) + " + " + Sizes.human(snapshot) + " for a snapshot"
            : Sizes.human(minFree);
    throw ApplicationFailure.newNonRetryableFailure(
        "only "
            + Sizes.human(free)
            + " free on "
            + where
            + ", need "
            + need
            + "; free some space or lower disk.minFree",
        FailureTypes.DISK_LOW);
  }

  /** The size of the newest snapshot in {@code dir}, or 0 when there is none (yet). */
  static long newestSnapshotBytes(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> isSnapshot(f.getFileName().toString()))
          .max(Comparator.comparing(DiskActivitiesImpl::modified))
          .map(DiskActivitiesImpl::size)
          .orElse(0L);
    }
  }

  /** Snapshots are the archives (or exports) themselves, not manifests, checksums or temp files. */
  private static boolean isSnapshot(String name) {
    return name.endsWith(".zip")
        || !(name.startsWith(".")
            || name.contains("manifest")
            || name.endsWith(".json")
            || name.endsWith(".sha256")
            || name.endsWith(".tmp"));
  }

  /** The path itself or its nearest ancestor that exists: where it will be created. */
  private static Path nearestExisting(Path path) {
    Path existing = path.toAbsolutePath();
    while (!Files.exists(existing) && existing.getParent() != null) {
      existing = existing.getParent();
    }
    return existing;
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException vanished) {
      return Long.MIN_VALUE; // Pruned while we looked: never the newest.
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException vanished) {
      return 0;
    }
  }
}
