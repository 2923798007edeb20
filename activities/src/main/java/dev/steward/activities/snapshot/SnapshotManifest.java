package dev.steward.activities.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.steward.workflows.host.SnapshotInfo;
import java.nio.file.Path;

/**
 * The manifest written beside a snapshot, last, so that a snapshot without one is known to be
 * incomplete. Only files with such a manifest are Steward's to reuse or prune.
 *
 * @param key the key of the step that made it ({@code workflowId/step})
 * @param target the target's name
 * @param revision the checkout's revision when it was taken
 * @param file the snapshot's file name, in the same directory
 * @param sha256 the file's SHA-256, hex
 * @param bytes the file's size
 * @param created when it was made, ISO-8601 UTC
 * @param kind {@code archive} (the built-in zip) or {@code command} (the export command's file)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SnapshotManifest(
    String key,
    String target,
    String revision,
    String file,
    String sha256,
    long bytes,
    String created,
    String kind) {
  static final String ARCHIVE = "archive";
  static final String COMMAND = "command";

  /** Whether the fields that identify a snapshot are all there. */
  boolean complete() {
    return key != null && file != null && sha256 != null && created != null && kind != null;
  }

  /** The snapshot as the workflow knows it. */
  SnapshotInfo toInfo(Path snapshotFile) {
    return new SnapshotInfo(snapshotFile.toString(), sha256, bytes, revision, key);
  }
}
