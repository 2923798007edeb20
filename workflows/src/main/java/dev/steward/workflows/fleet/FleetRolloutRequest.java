package dev.steward.workflows.fleet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What to roll out.
 *
 * @param fleet the fleet's name in the {@code fleets:} section of the starting host's config
 * @param host the host that started the rollout, whose worker resolves the fleet from its own
 *     config
 * @param revision the commit to roll out, or null for the newest commit of the target's remote ref
 *     when the rollout starts; every host's update goes to exactly this commit
 * @param progress null when a rollout starts; set by the rollout itself when it continues as new
 *     between batches
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FleetRolloutRequest(
    String fleet, String host, String revision, FleetRolloutProgress progress) {

  /** A new rollout. */
  public FleetRolloutRequest(String fleet, String host, String revision) {
    this(fleet, host, revision, null);
  }
}
