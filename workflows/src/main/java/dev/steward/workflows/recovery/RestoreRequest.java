package dev.steward.workflows.recovery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What to restore.
 *
 * @param target the target's name in the host's config
 * @param host the host whose worker runs the target's steps
 * @param snapshot the snapshot's file name, as {@code steward snapshots} lists it; the host
 *     resolves it inside the target's own snapshot directory
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RestoreRequest(String target, String host, String snapshot) {}
