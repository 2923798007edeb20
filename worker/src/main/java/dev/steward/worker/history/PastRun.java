package dev.steward.worker.history;

import java.time.Instant;

/**
 * One run of a pipeline, as listed by {@code steward history}.
 *
 * @param kind the StewardKind ({@code update}, …)
 * @param outcome the StewardOutcome ({@code updated}, {@code rolled_back}, … or {@code running}),
 *     else Temporal's status in lower case
 * @param started when the run started
 * @param closed when it ended, or null while it runs
 * @param workflowId its workflow id
 */
public record PastRun(
    String kind, String outcome, Instant started, Instant closed, String workflowId) {}
