package dev.steward.workflows.update;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A person's answer to a run that waits for approval before its restart.
 *
 * @param approved true to go on to the restart, false to roll back
 * @param by who answered, for the record
 * @param reason why, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApprovalDecision(boolean approved, String by, String reason) {}
