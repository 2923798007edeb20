package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Free space where the target's state and snapshots live, as the disk check saw it.
 *
 * @param freeBytes usable bytes on the state directory's filesystem
 * @param requiredBytes {@code minFree} plus room for a snapshot the size of the last one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DiskReport(long freeBytes, long requiredBytes) {}
