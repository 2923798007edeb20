package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The last stage of an update, as one call: what to do once the run knows how it ended.
 *
 * @param readRevision whether to read the revision the run leaves (it took a snapshot, so the code
 *     may have moved); else {@code status} already names it
 * @param pruneKeeping the snapshot the prune must keep (this run's), or null for no prune
 * @param markGood whether the service was just verified healthy: the checkout's revision is then
 *     the last known good release
 * @param status the status file's line; its {@code post_rev} is the revision read, when read
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FinishRequest(
    boolean readRevision, String pruneKeeping, boolean markGood, RunStatus status) {}
