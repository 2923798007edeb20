package dev.steward.worker.doctor;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Whether a snapshot directory's filesystem is nearly full. */
final class DiskSpace {
  /** Below this share of free space, snapshots (and the service) are at risk. */
  static final double WARN_BELOW = 0.10;

  private DiskSpace() {}

  static Finding check(String target, Path dir) {
    String subject = "snapshots of " + target;
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return Finding.warn(subject, dir + " and its parents do not exist; create it");
    }
    try {
      FileStore store = Files.getFileStore(existing);
      return verdict(subject, dir, store.getUsableSpace(), store.getTotalSpace());
    } catch (IOException e) {
      return Finding.unknown(subject, "cannot read free space of " + existing + ": " + e);
    }
  }

  static Finding verdict(String subject, Path dir, long usable, long total) {
    double share = total == 0 ? 0 : (double) usable / total;
    String free =
        String.format(
            Locale.ROOT, "%.0f%% free (%.1f GiB) at %s", share * 100, usable / 1073741824.0, dir);
    return share < WARN_BELOW
        ? Finding.warn(subject, free + "; free space, lower snapshot.keep or move snapshot.dir")
        : Finding.ok(subject, free);
  }
}
