package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A snapshot of a target's state directory that was written and verified.
 *
 * @param file the snapshot file (absolute)
 * @param sha256 the file's SHA-256, hex
 * @param bytes the file's size
 * @param revision the checkout's revision when the snapshot was taken
 * @param key the key of the step that made it ({@code workflowId/step}), so a retry reuses it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SnapshotInfo(String file, String sha256, long bytes, String revision, String key) {}
