package dev.steward.worker.fleet;

import dev.steward.workflows.fleet.FleetRolloutResult;
import dev.steward.workflows.fleet.FleetRolloutStatus;
import dev.steward.workflows.fleet.HostRollout;
import dev.steward.workflows.fleet.HostState;

/** One host's line in a rollout's status or result. Public for the process-level tests in cli/. */
public final class RolloutHostsInTests {
  private RolloutHostsInTests() {}

  /** {@code host}'s state in {@code status}, or null when the status does not list it yet. */
  public static HostState state(FleetRolloutStatus status, String host) {
    return status.hosts().stream()
        .filter(h -> h.host().equals(host))
        .map(HostRollout::state)
        .findFirst()
        .orElse(null);
  }

  /** {@code host}'s line in {@code result}; fails when the result does not name it. */
  public static HostRollout host(FleetRolloutResult result, String host) {
    return result.hosts().stream().filter(h -> h.host().equals(host)).findFirst().orElseThrow();
  }
}
