package dev.steward.workflows.pipeline;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.steward.workflows.host.WireEnums;

/**
 * How a step stands, serialised as its lower-case wire word ({@code "ok"}), as recorded histories
 * and the CLI's JSON output have it.
 */
public enum StepStatus {
  RUNNING("running"),
  OK("ok"),
  FAILED("failed"),
  SKIPPED("skipped");

  private final String wire;

  StepStatus(String wire) {
    this.wire = wire;
  }

  /** The word in payloads, metrics tags and the CLI's output. */
  @JsonValue
  public String wire() {
    return wire;
  }

  @JsonCreator
  public static StepStatus ofWire(String wire) {
    return WireEnums.of(StepStatus.class, wire, StepStatus::wire);
  }

  /** The wire word, so that text output reads as it always has. */
  @Override
  public String toString() {
    return wire;
  }
}
