package dev.steward.workflows.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One step of a pipeline as people see it.
 *
 * @param name the step's {@link Step#wire() wire name} ({@code disk}, {@code rollback-data}, …)
 * @param status running, ok, failed or skipped
 * @param durationMs how long it took (so far, while running)
 * @param message what it did or why it failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StepResult(String name, StepStatus status, long durationMs, String message) {}
