package dev.steward.workflows.pipeline;

import dev.steward.workflows.host.SnapshotInfo;

/**
 * What a {@link Rollback} put back.
 *
 * @param codeBack the code is at the revision (or had none to go back to)
 * @param dataBack the data is restored from the snapshot
 * @param started the service started again
 * @param healthy the service started and stayed healthy
 * @param preRestore the snapshot of the state as the rollback found it, or null when none was kept
 */
public record RollbackResult(
    boolean codeBack, boolean dataBack, boolean started, boolean healthy, SnapshotInfo preRestore) {
  /** Code and data are back and the service is healthy. */
  public boolean complete() {
    return codeBack && dataBack && healthy;
  }
}
