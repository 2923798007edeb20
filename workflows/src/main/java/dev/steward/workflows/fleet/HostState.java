package dev.steward.workflows.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.steward.workflows.host.WireEnums;

/** Where one host of a rollout is, as {@code steward rollout status} shows it. */
public enum HostState {
  /** Its batch has not started, or it waits for a free slot. */
  WAITING("waiting"),
  /** Its own update runs. */
  UPDATING("updating"),
  /** Updated to the rollout's revision and healthy. */
  UPDATED("updated"),
  /** Its own update failed and rolled it back, healthy. Counts against the budget. */
  ROLLED_BACK("rolled_back"),
  /** Not healthy, not picked up in time, or unhealthy after the bake. Counts against the budget. */
  FAILED("failed"),
  /** Updated, then brought back to its old revision and data by the rollout's revert. */
  REVERTED("reverted");

  private final String wire;

  HostState(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static HostState ofWire(String wire) {
    return WireEnums.of(HostState.class, wire, HostState::wire);
  }

  @Override
  public String toString() {
    return wire;
  }
}
