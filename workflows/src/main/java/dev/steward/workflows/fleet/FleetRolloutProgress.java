package dev.steward.workflows.fleet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What a rollout carries into its next run when it continues as new between batches, so that a
 * rollout of hundreds of hosts keeps each run's history bounded: nothing is resolved twice, no host
 * is updated twice, none is skipped.
 *
 * @param plan the fleet as resolved at the start
 * @param revision the revision resolved at the start
 * @param batchesDone the batches finished (baked, approved) so far; the next run starts after them
 * @param hosts every host as it stands, in rollout order
 * @param landed the hosts this rollout moved to the revision (each with the snapshot its update
 *     took), which a revert restores
 * @param unhealthy the hosts left not healthy so far
 * @param paused whether the rollout is paused
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FleetRolloutProgress(
    FleetPlan plan,
    String revision,
    int batchesDone,
    List<HostRollout> hosts,
    List<String> landed,
    List<String> unhealthy,
    boolean paused) {}
