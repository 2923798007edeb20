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
 * @param kind {@code archive} (the built-in zip) or {@code command} (the export command's file):
 *     how it was written, and so how it is restored
 * @param purpose {@code pre-update} or {@code pre-restore} (the state as a restore found it, which
 *     a recovery never restores by itself); null in manifests written before there were two, which
 *     are all {@code pre-update}
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
    String kind,
    String purpose) {
  static final String ARCHIVE = "archive";
  static final String COMMAND = "command";
  static final String PRE_UPDATE = "pre-update";
  static final String PRE_RESTORE = "pre-restore";

  /** {@link #purpose}, with {@code pre-update} for manifests that predate it. */
  String purposeOrDefault() {
    return purpose == null ? PRE_UPDATE : purpose;
  }

  /** Whether it holds the state a restore replaced, not a release's state before an update. */
  boolean preRestore() {
    return PRE_RESTORE.equals(purpose);
  }

  /** Whether the fields that identify a snapshot are all there. */
  boolean complete() {
    return key != null && file != null && sha256 != null && created != null && kind != null;
  }

  /** The snapshot as the workflow knows it. */
  SnapshotInfo toInfo(Path snapshotFile) {
    return new SnapshotInfo(snapshotFile.toString(), sha256, bytes, revision, key);
  }
}
