package dev.steward.workflows.update;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What to update.
 *
 * @param target the target's name in the host's config
 * @param host the host whose worker runs the target's steps
 * @param waitForWindow false to end {@code skipped} when started outside the maintenance window;
 *     null or true waits for it to open
 * @param revision the exact commit to move to (a fleet rollout pins one for every host), or null
 *     for what the target's update finds; the host refuses a commit that is not on its own
 *     configured remote ref, and a target that does not update by git
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateRequest(String target, String host, Boolean waitForWindow, String revision) {

  /** A request that waits for the maintenance window, as scheduled runs do. */
  public UpdateRequest(String target, String host) {
    this(target, host, null, null);
  }

  /** A request for what the target's update finds. */
  public UpdateRequest(String target, String host, Boolean waitForWindow) {
    this(target, host, waitForWindow, null);
  }

  /** Whether a run started outside the window waits for it. */
  public boolean waitsForWindow() {
    return waitForWindow == null || waitForWindow;
  }
}
