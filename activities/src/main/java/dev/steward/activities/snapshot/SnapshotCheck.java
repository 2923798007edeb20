package dev.steward.activities.snapshot;

import static dev.steward.activities.snapshot.Failures.reason;
import static dev.steward.activities.snapshot.Failures.snapshotFailed;

import dev.steward.activities.snapshot.SnapshotDirectory.Stored;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Whether a snapshot on disk is still the one that was written. */
final class SnapshotCheck {
  private SnapshotCheck() {}

  /**
   * Whether a stored snapshot can be reused: its file exists, matches the manifest's checksum, and,
   * for the built-in archive, opens with every entry readable.
   */
  static boolean verifies(Stored snapshot) {
    return problem(snapshot).isEmpty();
  }

  /** Why a stored snapshot does not verify, in a few words; empty when it does. */
  static Optional<String> problem(Stored snapshot) {
    Path file = snapshot.file();
    if (!Files.isRegularFile(file)) {
      return Optional.of("the file is missing");
    }
    try {
      if (!Checksums.sha256(file).equalsIgnoreCase(snapshot.manifest().sha256())) {
        return Optional.of("it does not match the checksum in its manifest");
      }
    } catch (IOException e) {
      return Optional.of("cannot read it: " + reason(e));
    }
    if (SnapshotManifest.ARCHIVE.equals(snapshot.manifest().kind())) {
      try {
        StateArchive.verify(file);
      } catch (IOException e) {
        return Optional.of("the archive does not read back: " + reason(e));
      }
    }
    return Optional.empty();
  }

  /** Refuses a snapshot that is missing or no longer matches the checksum taken when written. */
  static void requireIntact(Path file, String sha256) {
    if (!Files.isRegularFile(file)) {
      throw snapshotFailed("snapshot " + file + " is missing; nothing was restored");
    }
    String actual;
    try {
      actual = Checksums.sha256(file);
    } catch (IOException e) {
      throw snapshotFailed("cannot read snapshot " + file + ": " + reason(e));
    }
    if (!actual.equalsIgnoreCase(sha256)) {
      throw snapshotFailed(
          "snapshot "
              + file
              + " does not match its checksum (recorded "
              + abbreviate(sha256)
              + ", now "
              + abbreviate(actual)
              + "); it is damaged and nothing was restored");
    }
  }

  private static String abbreviate(String sha256) {
    return sha256 == null || sha256.length() <= 12
        ? String.valueOf(sha256)
        : sha256.substring(0, 12);
  }
}
