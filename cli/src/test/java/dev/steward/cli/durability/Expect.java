package dev.steward.cli.durability;

/**
 * What the world must look like after a case's run.
 *
 * @param outcome the run's outcome, or {@code refused} when the run could not start
 * @param newRevision whether the checkout must be at the new release (else at the old one)
 * @param serviceUp whether the service must answer health (on the expected revision's release)
 * @param status the status file's {@code status}, or null when there must be none
 * @param snapshots how many snapshots must exist
 * @param updateRuns how many times the update command must have run
 * @param dataAsBefore whether the state directory's bytes must equal those before the run
 * @param held whether updates must be on hold (the hold file), or null when not checked
 */
record Expect(
    String outcome,
    boolean newRevision,
    boolean serviceUp,
    String status,
    int snapshots,
    int updateRuns,
    boolean dataAsBefore,
    Boolean held) {

  static Expect updated() {
    return new Expect("updated", true, true, "success", 1, 1, true, null);
  }

  static Expect rolledBack(int updateRuns) {
    return new Expect("rolled_back", false, true, "rollback", 1, updateRuns, true, null);
  }

  /** Failed before anything changed (disk, revision, snapshot). */
  static Expect failedUnchanged(int snapshots) {
    return new Expect("failed", false, true, "failed", snapshots, 0, true, null);
  }

  /** The run could not start (no plan, no lock): nothing was touched, not even the status file. */
  static Expect refused() {
    return new Expect("refused", false, true, null, 0, 0, true, null);
  }

  /** Rolled back, but not healthy afterwards: reported failed, snapshot kept. */
  static Expect failedAfterRollback(boolean newRevision, boolean serviceUp, boolean dataAsBefore) {
    return new Expect("failed", newRevision, serviceUp, "failed", 1, 1, dataAsBefore, null);
  }

  /** A recovery of a stopped target that a restart brings back. */
  static Expect restarted() {
    return new Expect("restarted", false, true, null, 0, 0, true, false);
  }

  /** A recovery rolled back to the good release's snapshot, code and data: healthy, not held. */
  static Expect recoveredByRollback() {
    return new Expect("rolled_back", false, true, null, 1, 0, true, false);
  }

  /**
   * A recovery that could not save the target: failed, updates held (when the hold step worked),
   * nothing of the world changed except what the arguments say.
   */
  static Expect escalated(
      boolean newRevision, boolean serviceUp, int snapshots, boolean dataAsBefore) {
    return new Expect("failed", newRevision, serviceUp, null, snapshots, 0, dataAsBefore, true);
  }

  Expect serviceDown() {
    return new Expect(
        outcome, newRevision, false, status, snapshots, updateRuns, dataAsBefore, held);
  }

  Expect noStatusFile() {
    return new Expect(
        outcome, newRevision, serviceUp, null, snapshots, updateRuns, dataAsBefore, held);
  }

  Expect notHeld() {
    return new Expect(
        outcome, newRevision, serviceUp, status, snapshots, updateRuns, dataAsBefore, false);
  }
}
