package dev.steward.workflows.fleet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * Where a rollout is, for {@code steward rollout status} and the web UI.
 *
 * @param fleet the fleet
 * @param target the target each host updates
 * @param revision the revision rolled out, or null before it is resolved
 * @param phase {@code planning}, {@code running}, {@code paused}, {@code awaiting-approval}, {@code
 *     baking}, {@code reverting}, or {@code done}
 * @param batch the current batch, from 1; 0 before the first
 * @param batches the number of batches
 * @param failed hosts counted against the budget so far
 * @param failureBudget failed hosts tolerated
 * @param hosts every host, in rollout order
 * @param outcome how it ended, or null while it runs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FleetRolloutStatus(
    String fleet,
    String target,
    String revision,
    String phase,
    int batch,
    int batches,
    int failed,
    int failureBudget,
    List<HostRollout> hosts,
    FleetOutcome outcome) {}
