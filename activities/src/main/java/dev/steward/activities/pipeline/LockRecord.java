package dev.steward.activities.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What {@code <state>/.steward/lock.json} says about the pipeline that holds a target.
 *
 * @param workflowId the holding workflow, e.g. {@code update/demo/2026-11-29T03:04:05.123Z}
 * @param runId its run, or null when the lock was taken outside an activity
 * @param pid the worker JVM that took the lock
 * @param pidStartedAtMillis when that JVM started (epoch millis), to tell it from a reused pid;
 *     null when the system does not say
 * @param pidStartTicks when that JVM started, clock ticks since boot: what tells it from a reused
 *     pid (see {@code ProcessStart}); null in locks taken before Steward kept it
 * @param acquiredAt when the lock was taken (ISO-8601)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LockRecord(
    String workflowId,
    String runId,
    long pid,
    Long pidStartedAtMillis,
    Long pidStartTicks,
    String acquiredAt) {}
