package dev.steward.workflows.fleet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One host of a rollout.
 *
 * @param host the host's name
 * @param state where it is
 * @param workflowId its own update's workflow id, or null before it started
 * @param runId that run's id, or null
 * @param fromRevision the revision it had before its update, or null
 * @param snapshot the snapshot its own update took (what a revert restores), or null
 * @param message one line on what happened to it, for people, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HostRollout(
    String host,
    HostState state,
    String workflowId,
    String runId,
    String fromRevision,
    String snapshot,
    String message) {

  /** This host in {@code state}, its runs, revisions and snapshot kept, with {@code message}. */
  public HostRollout with(HostState state, String message) {
    return new HostRollout(host, state, workflowId, runId, fromRevision, snapshot, message);
  }
}
