package dev.steward.workflows.recovery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What to recover.
 *
 * @param target the target's name in the host's config
 * @param host the host whose worker runs the target's steps
 * @param downSince when the target was first seen down (ISO-8601 UTC), or null when unknown
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecoveryRequest(String target, String host, String downSince) {}
