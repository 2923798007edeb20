package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One snapshot of a target, as {@code steward snapshots} lists it.
 *
 * @param file the snapshot's file name in the target's snapshot directory
 * @param takenAt when it was taken, ISO-8601 UTC
 * @param kind {@code pre-update} (taken before an update) or {@code pre-restore} (the state as it
 *     was before a restore replaced it)
 * @param revision the checkout's revision it belongs with, or null when it records none
 * @param bytes the file's size
 * @param verifies whether it still verifies (exists, matches its checksum, reads back)
 * @param problem why it does not verify, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SnapshotListing(
    String file,
    String takenAt,
    String kind,
    String revision,
    long bytes,
    boolean verifies,
    String problem) {}
