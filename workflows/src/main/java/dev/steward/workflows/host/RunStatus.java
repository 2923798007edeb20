package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the status file {@code <state>/.auto-update-status.json} says about the last run. Field
 * names follow the field guide's script ({@code status}, {@code timestamp}, {@code pre_rev}) so
 * that existing monitoring keeps reading it.
 *
 * @param status {@code success}, {@code rollback} or {@code failed}
 * @param timestamp when the run ended, ISO-8601 UTC
 * @param preRevision the revision before the run
 * @param postRevision the revision the run left the checkout at
 * @param outcome the run's outcome ({@code updated}, {@code unchanged}, {@code rolled_back}, {@code
 *     failed})
 * @param workflowId the run's workflow id
 * @param snapshot the snapshot the run took, or null
 * @param message what happened, for people
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunStatus(
    String status,
    String timestamp,
    @JsonProperty("pre_rev") String preRevision,
    @JsonProperty("post_rev") String postRevision,
    String outcome,
    String workflowId,
    String snapshot,
    String message) {}
