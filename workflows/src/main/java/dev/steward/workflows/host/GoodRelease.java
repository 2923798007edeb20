package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A target's last known good release: the revision that last passed health verification (a
 * successful update, a healthy rollback, or a recovery that ended healthy). Kept in {@code
 * <state>/.steward/good-release.json}, beside the hold, where no restore touches it.
 *
 * @param revision the checkout's revision then
 * @param verifiedAt when its health was verified, ISO-8601 UTC
 * @param workflowId the run that verified it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoodRelease(String revision, String verifiedAt, String workflowId) {}
