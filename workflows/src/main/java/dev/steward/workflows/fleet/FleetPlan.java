package dev.steward.workflows.fleet;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.util.List;

/**
 * A fleet as the starting host's config resolves it, recorded in the rollout's history.
 *
 * @param fleet the fleet's name
 * @param target the target's name, the same in each host's own config
 * @param batches the hosts of each batch, in order: the canary first, then the configured batch
 *     sizes (the last repeating) until every host is in one; no host twice
 * @param maxParallel at most this many hosts updating at once within a batch
 * @param bake after a batch is healthy, wait this long and check every updated host's health again
 * @param failureBudget failed hosts tolerated over the whole rollout (a percentage already resolved
 *     against the number of hosts)
 * @param approval where the rollout waits for a person
 * @param onBudgetExceeded what happens when more hosts fail than the budget allows
 * @param hostTimeout how long a host's update may wait for its worker to pick it up before the host
 *     counts as failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FleetPlan(
    String fleet,
    String target,
    List<List<String>> batches,
    int maxParallel,
    Duration bake,
    int failureBudget,
    FleetApproval approval,
    BudgetAction onBudgetExceeded,
    Duration hostTimeout) {

  /** Every host of the fleet, in rollout order. */
  public List<String> hosts() {
    return batches.stream().flatMap(List::stream).toList();
  }
}
