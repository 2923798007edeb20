package dev.steward.workflows.fleet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * How a rollout ended.
 *
 * @param fleet the fleet
 * @param outcome how it ended
 * @param revision the revision rolled out
 * @param workflowId the rollout's workflow id
 * @param hosts every host as the rollout left it, in rollout order
 * @param message one line on what happened, naming the hosts that failed, for people
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FleetRolloutResult(
    String fleet,
    FleetOutcome outcome,
    String revision,
    String workflowId,
    List<HostRollout> hosts,
    String message) {}
