package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The result of waiting for a service to become and stay healthy.
 *
 * @param healthy whether health held for the required time within the timeout
 * @param waitedMillis how long the check took
 * @param message what was seen, for people (the last failing probe when unhealthy)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthReport(boolean healthy, long waitedMillis, String message) {}
