package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A notification about a target.
 *
 * @param target the target
 * @param severity {@code info}, {@code warning} or {@code critical}
 * @param title one short line ("demo: rolled back")
 * @param message what happened, for people
 * @param evidence the service's last output lines and log tails, or null
 * @param workflowId the run it is about
 * @param time when it happened, ISO-8601 UTC
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Notice(
    String target,
    String severity,
    String title,
    String message,
    String evidence,
    String workflowId,
    String time) {
  public static final String INFO = "info";
  public static final String WARNING = "warning";
  public static final String CRITICAL = "critical";
}
