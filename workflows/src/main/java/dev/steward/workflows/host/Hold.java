package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A hold on a target's updates, kept in {@code <state>/.steward/hold.json} until {@code steward
 * release}. While it stands, an update run ends at once with outcome {@code held}.
 *
 * @param reason why, for people
 * @param since when it was put, ISO-8601 UTC
 * @param by the workflow id that put it, or {@code cli} for a person
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Hold(String reason, String since, String by) {}
