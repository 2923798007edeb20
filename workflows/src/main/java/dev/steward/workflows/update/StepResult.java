package dev.steward.workflows.update;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One step of a pipeline as people see it.
 *
 * @param name the step ({@code disk}, {@code snapshot}, {@code update}, {@code rollback-data}, …)
 * @param status {@code running}, {@code ok}, {@code failed} or {@code skipped}
 * @param durationMs how long it took (so far, while running)
 * @param message what it did or why it failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StepResult(String name, String status, long durationMs, String message) {
  public static final String RUNNING = "running";
  public static final String OK = "ok";
  public static final String FAILED = "failed";
  public static final String SKIPPED = "skipped";
}
