package dev.steward.cli.durability;

/**
 * What the world must look like after a case's run.
 *
 * @param outcome the run's outcome, or {@code refused} when the run could not start
 * @param newRevision whether the checkout must be at the new release (else at the old one)
 * @param serviceUp whether the service must answer health (on the expected revision's release)
 * @param status the status file's {@code status}, or null when there must be none
 * @param snapshots how many snapshots must exist, every one of them verifying
 * @param preRestores how many of them are {@code pre-restore} copies, each holding the state as the
 *     restore found it
 * @param updateRuns how many times the update command must have run
 * @param dataAsBefore whether the state directory's bytes must equal those before the run
 * @param held whether updates must be on hold (the hold file), or null when not checked
 * @param goodRelease whether the last known good release must be the checkout's revision (a run
 *     that ended healthy records it), or false when not checked
 */
record Expect(
    String outcome,
    boolean newRevision,
    boolean serviceUp,
    String status,
    int snapshots,
    int preRestores,
    int updateRuns,
    boolean dataAsBefore,
    Boolean held,
    boolean goodRelease) {

  static Expect updated() {
    return new Expect("updated", true, true, "success", 1, 0, 1, true, null, true);
  }

  /** Rolled back and healthy: the pre-update snapshot and the pre-restore copy kept. */
  static Expect rolledBack(int updateRuns) {
    return new Expect("rolled_back", false, true, "rollback", 2, 1, updateRuns, true, null, true);
  }

  /** Failed before anything changed (disk, revision, snapshot). */
  static Expect failedUnchanged(int snapshots) {
    return new Expect("failed", false, true, "failed", snapshots, 0, 0, true, null, false);
  }

  /** The run could not start (no plan, no lock): nothing was touched, not even the status file. */
  static Expect refused() {
    return new Expect("refused", false, true, null, 0, 0, 0, true, null, false);
  }

  /** Rolled back, but not healthy afterwards: reported failed, both snapshots kept. */
  static Expect failedAfterRollback(boolean newRevision, boolean serviceUp, boolean dataAsBefore) {
    return new Expect(
        "failed", newRevision, serviceUp, "failed", 2, 1, 1, dataAsBefore, null, false);
  }

  /** A recovery of a stopped target that a restart brings back. */
  static Expect restarted() {
    return new Expect("restarted", false, true, null, 0, 0, 0, true, false, true);
  }

  /**
   * A recovery rolled back to the good release's snapshot, code and data, after keeping a
   * pre-restore copy of the corrupt data: healthy, not held.
   */
  static Expect recoveredByRollback() {
    return new Expect("rolled_back", false, true, null, 2, 1, 0, true, false, true);
  }

  /**
   * A recovery whose first rung saved it: the code back at the last known good release, the data
   * exactly as it was, no snapshot made or needed, not held.
   */
  static Expect recoveredToLastGood() {
    return new Expect("rolled_back", false, true, null, 0, 0, 0, true, false, true);
  }

  /**
   * A recovery that could not save the target: failed, updates held (when the hold step worked),
   * nothing of the world changed except what the arguments say.
   */
  static Expect escalated(
      boolean newRevision, boolean serviceUp, int snapshots, boolean dataAsBefore) {
    return new Expect(
        "failed", newRevision, serviceUp, null, snapshots, 0, 0, dataAsBefore, true, false);
  }

  /** The same, and the rollback kept a pre-restore copy before it restored anything. */
  Expect preRestored() {
    return new Expect(
        outcome,
        newRevision,
        serviceUp,
        status,
        snapshots + 1,
        preRestores + 1,
        updateRuns,
        dataAsBefore,
        held,
        goodRelease);
  }

  /** The same, but the rollback could keep no pre-restore copy (and so restored no data). */
  Expect withoutPreRestore() {
    return new Expect(
        outcome,
        newRevision,
        serviceUp,
        status,
        snapshots - 1,
        preRestores - 1,
        updateRuns,
        dataAsBefore,
        held,
        goodRelease);
  }

  Expect serviceDown() {
    return new Expect(
        outcome,
        newRevision,
        false,
        status,
        snapshots,
        preRestores,
        updateRuns,
        dataAsBefore,
        held,
        goodRelease);
  }

  Expect noStatusFile() {
    return new Expect(
        outcome,
        newRevision,
        serviceUp,
        null,
        snapshots,
        preRestores,
        updateRuns,
        dataAsBefore,
        held,
        goodRelease);
  }

  Expect notHeld() {
    return new Expect(
        outcome,
        newRevision,
        serviceUp,
        status,
        snapshots,
        preRestores,
        updateRuns,
        dataAsBefore,
        false,
        goodRelease);
  }

  /** The same, but the last known good release is not checked (its recording failed). */
  Expect goodReleaseUnchecked() {
    return new Expect(
        outcome,
        newRevision,
        serviceUp,
        status,
        snapshots,
        preRestores,
        updateRuns,
        dataAsBefore,
        held,
        false);
  }
}
