package dev.steward.workflows.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.steward.workflows.host.WireEnums;

/** How a rollout ended, as payloads, the StewardOutcome attribute and the CLI's JSON write it. */
public enum FleetOutcome {
  /** Every host updated and healthy. */
  UPDATED("updated"),
  /** Every host's turn came; some failed within the budget and were rolled back by their update. */
  PARTIAL("partial"),
  /** The budget was exceeded (or the rollout aborted) and no more hosts started. */
  HALTED("halted"),
  /** The budget was exceeded, a person rejected, or aborted with revert: updated hosts reverted. */
  REVERTED("reverted"),
  /** Some host is left not healthy (its update's rollback or the rollout's revert failed). */
  FAILED("failed");

  private final String wire;

  FleetOutcome(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static FleetOutcome ofWire(String wire) {
    return WireEnums.of(FleetOutcome.class, wire, FleetOutcome::wire);
  }

  @Override
  public String toString() {
    return wire;
  }
}
