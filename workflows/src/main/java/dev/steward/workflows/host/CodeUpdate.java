package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What an update step did to the checkout.
 *
 * @param fromRevision the revision before the step
 * @param toRevision the revision after it
 * @param resumed true when this attempt found an earlier attempt's command (run by a worker that
 *     died) and took its result instead of running the command again
 * @param output the last lines the update command printed, for people
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CodeUpdate(String fromRevision, String toRevision, boolean resumed, String output) {

  /** Whether the checkout now stands at another revision. */
  public boolean moved() {
    return !fromRevision.equals(toRevision);
  }
}
