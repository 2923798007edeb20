package dev.steward.workflows.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.steward.workflows.host.WireEnums;

/** Where a rollout waits for {@code steward rollout approve}, as the config writes it. */
public enum FleetApproval {
  NONE("none"),
  AFTER_CANARY("after-canary"),
  EVERY_BATCH("every-batch");

  private final String wire;

  FleetApproval(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static FleetApproval ofWire(String wire) {
    return WireEnums.of(FleetApproval.class, wire, FleetApproval::wire);
  }

  @Override
  public String toString() {
    return wire;
  }
}
