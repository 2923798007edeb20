package dev.steward.workflows.pipeline;

/**
 * What a {@link Rollback} put back.
 *
 * @param codeBack the code is at the revision (or had none to go back to)
 * @param dataBack the data is restored from the snapshot
 * @param started the service started again
 * @param healthy the service started and stayed healthy
 */
public record RollbackResult(boolean codeBack, boolean dataBack, boolean started, boolean healthy) {
  /** Code and data are back and the service is healthy. */
  public boolean complete() {
    return codeBack && dataBack && healthy;
  }
}
