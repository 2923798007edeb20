package dev.steward.workflows.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.steward.workflows.host.Notice;
import dev.steward.workflows.host.NotifyPlan;

/**
 * A notice to send to every channel of a target.
 *
 * @param host the host whose worker sends it (where the secrets are)
 * @param channels the channels, as the host's config names them (secret references unresolved)
 * @param notice what to say
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotifyRequest(String host, NotifyPlan channels, Notice notice) {}
