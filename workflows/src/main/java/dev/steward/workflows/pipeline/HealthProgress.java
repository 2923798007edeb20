package dev.steward.workflows.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How far a running health wait is, as its activity reports it to its own run (see {@link
 * HealthProgressSignal}).
 *
 * @param stableMillis how long the service has been healthy without a break so far
 * @param requiredMillis how long it must be, the plan's {@code stableFor}
 * @param waitedMillis how long the wait has been going
 * @param timeoutMillis how long it may go, the plan's {@code timeout}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthProgress(
    long stableMillis, long requiredMillis, long waitedMillis, long timeoutMillis) {

  /** For people, in whole seconds: "4 s of 10 s stable". */
  public String describe() {
    return stableMillis / 1000 + " s of " + requiredMillis / 1000 + " s stable";
  }
}
