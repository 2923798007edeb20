package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What one {@link StageActivities} call did: each of the steps it ran on the host, in order, and
 * their values (null where a step did not run or failed). Also the details of the failure that ends
 * such a call when a step failed, so the workflow still records every step apart.
 *
 * @param parts the steps run, in order; a step after a failure that stops the stage is absent
 * @param disk the disk check's report
 * @param revision the checkout's revision: before the update ({@code checkDiskAndReadRevision}) or
 *     after it ({@code finishUpdate}, null when it could not be read)
 * @param pruned the snapshots the prune deleted
 * @param goodRelease the release recorded as the last known good one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StageReport(
    List<Part> parts,
    DiskReport disk,
    String revision,
    List<String> pruned,
    GoodRelease goodRelease) {

  /**
   * One step of the stage as the host ran it.
   *
   * @param step the step's {@code Step} constant name ({@code DISK}, {@code PRUNE}, …)
   * @param durationMs how long it took on the host
   * @param failure its one-line failure, or null when it succeeded
   * @param failureType the failure's type ({@link FailureTypes}), or null
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Part(String step, long durationMs, String failure, String failureType) {}
}
