package dev.steward.workflows.update;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What to update.
 *
 * @param target the target's name in the host's config
 * @param host the host whose worker runs the target's steps
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdateRequest(String target, String host) {}
