package dev.steward.worker.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.steward.workflows.host.GoodRelease;
import java.util.Map;

/**
 * What Steward knows about one target, for {@code steward status}. What it cannot know says why in
 * its text rather than failing.
 *
 * @param target the target
 * @param revision the checkout's revision, or a line saying why it is unknown
 * @param lastRun the status file of the last update run ({@code status}, {@code timestamp}, {@code
 *     pre_rev}, {@code outcome}, {@code workflowId}, …), or null when none has run
 * @param running the workflow id of the pipeline holding the target now, or null
 * @param hold the hold on the target's updates ({@code reason}, {@code since}, …), or null
 * @param nextRun when the update schedule runs next, or a line saying why it is unknown
 * @param goodRelease the last known good release ({@code revision}, {@code verifiedAt}, {@code
 *     workflowId}), or null when none has been recorded yet; one that cannot be read has only a
 *     revision, a line saying why
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TargetStatus(
    String target,
    String revision,
    Map<String, Object> lastRun,
    String running,
    Map<String, Object> hold,
    String nextRun,
    GoodRelease goodRelease) {}
