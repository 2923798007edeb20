package dev.steward.workflows.update;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.steward.workflows.host.WireEnums;

/**
 * How a run ended, serialised as its lower-case wire word (as recorded histories, the CLI's JSON
 * output, the StewardOutcome search attribute and the runs counter's tag have it).
 */
public enum UpdateOutcome {
  UPDATED("updated"),
  UNCHANGED("unchanged"),
  ROLLED_BACK("rolled_back"),
  FAILED("failed"),
  HELD("held"),
  SKIPPED("skipped");

  private final String wire;

  UpdateOutcome(String wire) {
    this.wire = wire;
  }

  /** The word in payloads, search attributes, metrics tags and the CLI's output. */
  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static UpdateOutcome ofWire(String wire) {
    return WireEnums.of(UpdateOutcome.class, wire, UpdateOutcome::wire);
  }

  /** The wire word, so that text output reads as it always has. */
  @Override
  public String toString() {
    return wire;
  }
}
