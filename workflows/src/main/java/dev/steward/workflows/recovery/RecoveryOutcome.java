package dev.steward.workflows.recovery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.steward.workflows.host.WireEnums;

/**
 * How a run ended, serialised as its lower-case wire word (as recorded histories, the CLI's JSON
 * output, the StewardOutcome search attribute and the runs counter's tag have it).
 */
public enum RecoveryOutcome {
  WAS_HEALTHY("was_healthy"),
  RESTARTED("restarted"),
  ROLLED_BACK("rolled_back"),
  WAITING_FOR_PROVIDER("waiting_for_provider"),
  FAILED("failed");

  private final String wire;

  RecoveryOutcome(String wire) {
    this.wire = wire;
  }

  /** The word in payloads, search attributes, metrics tags and the CLI's output. */
  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static RecoveryOutcome ofWire(String wire) {
    return WireEnums.of(RecoveryOutcome.class, wire, RecoveryOutcome::wire);
  }

  /** The wire word, so that text output reads as it always has. */
  @Override
  public String toString() {
    return wire;
  }
}
