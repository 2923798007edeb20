package dev.steward.workflows.update;

import dev.steward.workflows.host.FinishRequest;
import dev.steward.workflows.host.Hold;
import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.RunStatus;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.StageActivities;
import dev.steward.workflows.host.StageReport;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.pipeline.GoodReleases;
import dev.steward.workflows.pipeline.Step;
import dev.steward.workflows.pipeline.StepFailedException;
import dev.steward.workflows.pipeline.StepLog;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The update pipeline's last stage, once it knows how it ended: prune, write the status file, hold
 * after a failed rollback, announce, and the result. Workflow code: it only calls activities.
 */
final class UpdateFinish {
  private final StepLog steps;
  private final TargetPlan plan;
  private final String preRevision;
  private final SnapshotInfo snapshot;
  private final String evidence;
  private StageReport finished;

  /**
   * @param snapshot the snapshot the run took, or null when it stopped before one
   * @param evidence the service's last output when health failed, else null
   */
  UpdateFinish(
      StepLog steps, TargetPlan plan, String preRevision, SnapshotInfo snapshot, String evidence) {
    this.steps = steps;
    this.plan = plan;
    this.preRevision = preRevision;
    this.snapshot = snapshot;
    this.evidence = evidence;
  }

  UpdateResult finish(UpdateEnding ending) {
    if (Workflow.getVersion(UpdateWorkflowImpl.HOST_STAGES, Workflow.DEFAULT_VERSION, 1) >= 1) {
      return finishInOneStage(ending);
    }
    String postRevision = readRevisionQuietly();
    if (ending.outcome() != UpdateOutcome.FAILED && snapshot != null) {
      pruneSnapshots();
    }
    if (ending.verifiedHealthy()) {
      GoodReleases.mark(steps, plan);
    }
    RunStatus status = status(ending, postRevision);
    Workflow.newDetachedCancellationScope(
            () -> {
              writeStatus(status);
              if (ending.leftItBroken()) {
                holdUpdates(ending.message());
              }
              UpdateOutcomes.announce(
                  plan, ending.outcome(), ending.message(), ending.rolledBack(), evidence);
            })
        .run();
    return result(ending, status, postRevision);
  }

  /**
   * As the steps above, with the revision read, the prune, the good release and the status file in
   * one activity; all of it detached, so a cancel arriving now still leaves the night's status
   * line.
   */
  private UpdateResult finishInOneStage(UpdateEnding ending) {
    boolean prune = ending.outcome() != UpdateOutcome.FAILED && snapshot != null;
    RunStatus line = status(ending, preRevision);
    FinishRequest request =
        new FinishRequest(
            snapshot != null, prune ? snapshot.file() : null, ending.verifiedHealthy(), line);
    Workflow.newDetachedCancellationScope(
            () -> {
              finished = finishStage(request);
              if (ending.leftItBroken()) {
                holdUpdates(ending.message());
              }
              UpdateOutcomes.announce(
                  plan, ending.outcome(), ending.message(), ending.rolledBack(), evidence);
            })
        .run();
    String postRevision = snapshot == null ? preRevision : finished.revision();
    return result(ending, line, postRevision);
  }

  /** The finishing steps' report; one whose activity failed outright has no revision. */
  private StageReport finishStage(FinishRequest request) {
    List<Step> parts = new ArrayList<>();
    if (request.pruneKeeping() != null) {
      parts.add(Step.PRUNE);
    }
    if (request.markGood()) {
      parts.add(Step.MARK_GOOD);
    }
    parts.add(Step.STATUS);
    StageActivities stages = HostActivityStubs.stages(plan, Step.summaryOf(parts, plan));
    // A failed step is recorded, never the run's: extra snapshots or a missing status line, or a
    // release not marked good, undo no update.
    return steps.recordStage(
        parts, () -> stages.finishUpdate(plan, request), UpdateFinish::describe);
  }

  private static String describe(Step step, StageReport report) {
    return switch (step) {
      case PRUNE -> describePruned(report.pruned());
      case MARK_GOOD -> GoodReleases.describe(report.goodRelease());
      default -> "written";
    };
  }

  private static String describePruned(List<String> removed) {
    return removed.isEmpty() ? "nothing to prune" : "removed " + removed.size();
  }

  private RunStatus status(UpdateEnding ending, String postRevision) {
    return new RunStatus(
        ending.statusWord(),
        now(),
        preRevision,
        postRevision,
        ending.outcome().wire(),
        Workflow.getInfo().getWorkflowId(),
        snapshot == null ? null : snapshot.file(),
        ending.message());
  }

  private UpdateResult result(UpdateEnding ending, RunStatus status, String postRevision) {
    UpdateOutcomes.record(ending.outcome());
    return UpdateResult.newBuilder(plan.target(), ending.outcome(), status.workflowId())
        .revisions(preRevision, postRevision)
        .snapshot(status.snapshot())
        .steps(steps.finished())
        .message(ending.message())
        .rolledBack(ending.rolledBack())
        .evidence(evidence)
        .preRestoreSnapshot(ending.preRestoreSnapshot())
        .build();
  }

  private void pruneSnapshots() {
    try {
      steps.run(
          Step.PRUNE,
          () ->
              HostActivityStubs.snapshots(plan, Step.PRUNE.summary(plan))
                  .pruneSnapshots(plan, snapshot.file()),
          UpdateFinish::describePruned);
    } catch (StepFailedException e) {
      // Recorded as a failed step; extra snapshots never undo an update that worked.
    }
  }

  /** A status file that cannot be written is a failed step, not a stuck run: the result stands. */
  private void writeStatus(RunStatus status) {
    steps.attempt(
        Step.STATUS,
        () -> HostActivityStubs.status(plan, Step.STATUS.summary(plan)).writeStatus(plan, status),
        "written");
  }

  /**
   * After a rollback that left the service unhealthy: the next nightly run must not pile a new
   * version onto a broken one (the guide's "disable the timer while you wait for a fix").
   */
  private void holdUpdates(String why) {
    Hold hold = new Hold(why, now(), Workflow.getInfo().getWorkflowId());
    try {
      steps.run(
          Step.PUT_HOLD,
          () -> HostActivityStubs.holds(plan, Step.PUT_HOLD.summary(plan)).putHold(plan, hold),
          "updates held");
    } catch (StepFailedException e) {
      // Recorded as a failed step; the result still says the service is not healthy.
    }
  }

  /** The revision the run leaves behind; read from the checkout once the code may have moved. */
  private String readRevisionQuietly() {
    if (snapshot == null) {
      return preRevision;
    }
    try {
      return HostActivityStubs.code(plan, Step.REVISION.summary(plan)).readRevision(plan);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
  }
}
