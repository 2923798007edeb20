package dev.steward.workflows.monitor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What to monitor.
 *
 * @param target the target's name in the host's config
 * @param host the host whose worker measures it
 * @param once measure once and return, without alerts, heartbeat or recovery
 * @param carried the state a previous run handed over at continue-as-new, or null at the start
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonitorRequest(String target, String host, boolean once, MonitorState carried) {}
