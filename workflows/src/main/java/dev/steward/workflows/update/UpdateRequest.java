package dev.steward.workflows.update;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What to update.
 *
 * @param target the target's name in the host's config
 * @param host the host whose worker runs the target's steps
 * @param waitForWindow false to end {@code skipped} when started outside the maintenance window;
 *     null or true waits for it to open
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateRequest(String target, String host, Boolean waitForWindow) {

  /** A request that waits for the maintenance window, as scheduled runs do. */
  public UpdateRequest(String target, String host) {
    this(target, host, null);
  }

  /** Whether a run started outside the window waits for it. */
  public boolean waitsForWindow() {
    return waitForWindow == null || waitForWindow;
  }
}
