package dev.steward.workflows.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.steward.workflows.host.WireEnums;

/** What a rollout does when more hosts fail than its budget allows, as the config writes it. */
public enum BudgetAction {
  /** Start no more hosts; leave the updated ones as they are. */
  HALT("halt"),
  /** Start no more hosts, and roll every host this rollout updated back, code and data. */
  REVERT("revert");

  private final String wire;

  BudgetAction(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static BudgetAction ofWire(String wire) {
    return WireEnums.of(BudgetAction.class, wire, BudgetAction::wire);
  }

  @Override
  public String toString() {
    return wire;
  }
}
