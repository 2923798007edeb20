package dev.steward.workflows.update;

import static dev.steward.workflows.host.Revisions.short7;

import dev.steward.workflows.host.CodeActivities;
import dev.steward.workflows.host.CodeUpdate;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.Hold;
import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.ServiceActivities;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.StageActivities;
import dev.steward.workflows.host.StageReport;
import dev.steward.workflows.host.Summaries;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.UpdateCheck;
import dev.steward.workflows.pipeline.HealthProgress;
import dev.steward.workflows.pipeline.Pipeline;
import dev.steward.workflows.pipeline.PipelineFrame;
import dev.steward.workflows.pipeline.Rollback;
import dev.steward.workflows.pipeline.RollbackResult;
import dev.steward.workflows.pipeline.Step;
import dev.steward.workflows.pipeline.StepFailedException;
import dev.steward.workflows.pipeline.StepLog;
import dev.steward.workflows.pipeline.StepResult;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.Optional;

/**
 * The update pipeline of DESIGN.md: plan, lock, hold, check, disk, revision, snapshot, update,
 * patches, restart, health, prune, status; a check that finds nothing to apply ends it at once. A
 * failure after the snapshot rolls code and data back in a detached cancellation scope, so
 * cancelling a run still leaves the target as it was.
 */
public class UpdateWorkflowImpl implements UpdateWorkflow {
  /**
   * Since this change the quick host steps of a stage are one activity each stage (disk and
   * revision; post-revision, prune, good release and status); older runs replay one per step.
   */
  static final String HOST_STAGES = "host-stages";

  private TargetPlan plan;
  private final StepLog steps = new StepLog(Pipeline.UPDATE, () -> plan);
  private final RunControls controls = new RunControls(steps);
  private String preRevision;
  private SnapshotInfo snapshot;
  private String evidence;
  private RollbackResult rollback;
  private UpdateCheck look;
  private String pinnedRevision;

  @Override
  public UpdateResult update(UpdateRequest request) {
    PipelineFrame frame =
        new PipelineFrame(steps, request.host(), () -> UpdateOutcomes.record(UpdateOutcome.FAILED));
    plan = frame.plan(request.target());
    pinnedRevision = request.revision();
    controls.use(plan.controls());
    // Waiting for the window happens before the lock, so a recovery can still run meanwhile.
    Optional<String> outsideWindow = controls.awaitWindow(request.waitsForWindow());
    if (outsideWindow.isPresent()) {
      return changedNothing(UpdateOutcome.SKIPPED, outsideWindow.get());
    }
    return frame.locked(() -> plan, this::unlessHeld);
  }

  /** The pipeline, unless the target is on hold. */
  private UpdateResult unlessHeld() {
    Hold hold = checkHold();
    if (hold != null) {
      return held(hold);
    }
    try {
      look = UpdateLook.lookIfItCan(steps, plan, pinnedRevision);
    } catch (StepFailedException e) {
      return finish(nothingChanged(e));
    }
    if (look != null && look.nothingToApply()) {
      // Still the night's status line: monitoring reads its timestamp to know the nightly ran.
      preRevision = look.currentRevision();
      return finish(UpdateEnding.of(UpdateOutcome.UNCHANGED, "already at " + short7(preRevision)));
    }
    return finish(runPipeline());
  }

  private UpdateResult finish(UpdateEnding ending) {
    return new UpdateFinish(steps, plan, preRevision, snapshot, evidence).finish(ending);
  }

  @Override
  public List<StepResult> progress() {
    return steps.progress();
  }

  @Override
  public void healthProgress(HealthProgress progress) {
    steps.showHealthProgress(progress);
  }

  @Override
  public String decide(ApprovalDecision decision) {
    return controls.decide(decision);
  }

  @Override
  public void validateDecision(ApprovalDecision decision) {
    controls.validate(decision);
  }

  /** The target's hold, if a person or an earlier pipeline put one; such a run changes nothing. */
  private Hold checkHold() {
    try {
      return steps.run(
          Step.HOLD,
          () -> HostActivityStubs.holds(plan, Step.HOLD.summary(plan)).readHold(plan),
          h -> h == null ? "not held" : "held: " + h.reason());
    } catch (StepFailedException e) {
      // Unreadable hold file: refuse rather than update a target someone may have held.
      return new Hold("cannot read the hold: " + e.getMessage(), null, null);
    }
  }

  private UpdateResult held(Hold hold) {
    return changedNothing(UpdateOutcome.HELD, UpdateTexts.held(hold, plan.target()));
  }

  private UpdateEnding runPipeline() {
    try {
      if (Workflow.getVersion(HOST_STAGES, Workflow.DEFAULT_VERSION, 1) >= 1) {
        checkDiskAndRecordRevision();
      } else {
        checkDisk();
        recordRevision();
      }
      takeSnapshot();
    } catch (StepFailedException e) {
      return nothingChanged(e);
    }
    try {
      CodeUpdate update = updateCode();
      boolean patched = applyPatches();
      if (!update.moved() && !update.resumed() && !patched) {
        steps.skip(Step.RESTART, "code unchanged");
        steps.skip(Step.HEALTH, "code unchanged");
        return UpdateEnding.of(UpdateOutcome.UNCHANGED, "already at " + short7(preRevision));
      }
      controls.approveRestart();
      restart();
      verifyHealth();
      return UpdateEnding.of(UpdateOutcome.UPDATED, "updated and healthy");
    } catch (StepFailedException e) {
      replanIfRefused(e);
      return rollBack(e.step().wire() + " failed: " + e.getMessage());
    } catch (CanceledFailure e) {
      rollBack("cancelled");
      throw e;
    }
  }

  /**
   * After the host refused a step because its steward.yaml changed during the run, rolls back and
   * finishes under the plan it names now: the run's own plan would be refused at every step.
   */
  private void replanIfRefused(StepFailedException e) {
    if (!FailureTypes.PLAN_REFUSED.equals(e.type())
        || Workflow.getVersion("replan-after-refusal", Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    try {
      plan =
          HostActivityStubs.pipeline(plan.host(), Step.PLAN.summary(null, plan.target()))
              .resolvePlan(plan.target());
    } catch (RuntimeException targetGone) {
      // Then the rollback is refused too, and the run ends failed.
    }
  }

  private static UpdateEnding nothingChanged(StepFailedException e) {
    return UpdateEnding.failed(
        e.step().wire() + " failed: " + e.getMessage() + "; nothing was changed");
  }

  private void checkDisk() {
    steps.run(
        Step.DISK,
        () -> HostActivityStubs.disk(plan, Step.DISK.summary(plan)).checkDisk(plan),
        UpdateTexts::describe);
  }

  /** The disk check and the revision in one round trip; a low disk stops it before the revision. */
  private void checkDiskAndRecordRevision() {
    StageActivities stages =
        HostActivityStubs.stages(plan, Step.summaryOf(List.of(Step.DISK, Step.REVISION), plan));
    StageReport report =
        steps.runStage(
            List.of(Step.DISK),
            () -> stages.checkDiskAndReadRevision(plan),
            (step, r) ->
                step == Step.DISK ? UpdateTexts.describe(r.disk()) : "at " + short7(r.revision()));
    preRevision = report.revision();
  }

  private void recordRevision() {
    preRevision =
        steps.run(
            Step.REVISION,
            () -> HostActivityStubs.code(plan, Step.REVISION.summary(plan)).readRevision(plan),
            rev -> "at " + short7(rev));
  }

  private void takeSnapshot() {
    String key = Workflow.getInfo().getWorkflowId() + "/snapshot";
    snapshot =
        steps.run(
            Step.SNAPSHOT,
            () ->
                HostActivityStubs.snapshots(plan, Step.SNAPSHOT.summary(plan))
                    .takeSnapshot(plan, key, preRevision),
            s -> s.file() + " (" + UpdateTexts.sizeOf(s.bytes()) + ", verified)");
  }

  private CodeUpdate updateCode() {
    String key = Workflow.getInfo().getWorkflowId() + "/update";
    CodeActivities code = HostActivityStubs.code(plan, Step.UPDATE_CODE.summary(plan));
    // After a look, to exactly the revision it found: the remote may have moved on since.
    return steps.run(
        Step.UPDATE_CODE,
        () ->
            look == null
                ? code.updateCode(plan, key)
                : code.updateCodeTo(plan, key, look.wantedRevision()),
        UpdateTexts::describe);
  }

  private boolean applyPatches() {
    if (plan.patches().isEmpty()) {
      steps.skip(Step.PATCHES, "none configured");
      return false;
    }
    List<String> applied =
        steps.run(
            Step.PATCHES,
            () -> HostActivityStubs.code(plan, Step.PATCHES.summary(plan)).applyPatches(plan),
            names -> names.isEmpty() ? "all in place" : "applied " + String.join(", ", names));
    return !applied.isEmpty();
  }

  private void restart() {
    ServiceActivities service = HostActivityStubs.service(plan, Step.RESTART.summary(plan));
    steps.run(Step.RESTART, () -> service.restartService(plan), "restarted");
  }

  private void verifyHealth() {
    HealthReport health = checkHealth();
    if (!health.healthy()) {
      collectEvidence();
      throw new StepFailedException(Step.HEALTH, "Unhealthy", health.message());
    }
  }

  /**
   * Puts code and data back as they were before the run and restarts the service. Each step runs
   * even when an earlier one failed, so as much as possible is restored; the run ends rolled back
   * only when the service is healthy again.
   */
  private UpdateEnding rollBack(String why) {
    Workflow.newDetachedCancellationScope(this::restorePreviousVersion).run();
    String message = why + "; rolled back to " + short7(preRevision);
    String kept = rollback.preRestore() == null ? null : rollback.preRestore().file();
    String keptNote = kept == null ? "" : "; the state as the failed release left it is in " + kept;
    return rollback.complete()
        ? UpdateEnding.rolledBack(UpdateOutcome.ROLLED_BACK, message + ", healthy" + keptNote, kept)
        : UpdateEnding.rolledBack(
            UpdateOutcome.FAILED, message + ", but the service is NOT healthy" + keptNote, kept);
  }

  private void restorePreviousVersion() {
    rollback = new Rollback(steps, plan).restore(preRevision, snapshot);
    if (!rollback.healthy()) {
      collectEvidence();
    }
  }

  /** Keeps the service's last output for the result; evidence is best effort, never a failure. */
  private void collectEvidence() {
    try {
      evidence = HostActivityStubs.service(plan, Summaries.evidence(plan)).collectEvidence(plan);
    } catch (RuntimeException e) {
      evidence = "could not collect evidence: " + e.getMessage();
    }
  }

  private HealthReport checkHealth() {
    ServiceActivities service = HostActivityStubs.service(plan, Step.HEALTH.summary(plan));
    return steps.check(
        Step.HEALTH,
        () -> service.verifyHealth(plan),
        HealthReport::message,
        HealthReport::healthy);
  }

  /** A run that changed nothing and leaves the status file to the last run that did. */
  private UpdateResult changedNothing(UpdateOutcome outcome, String message) {
    UpdateOutcomes.record(outcome);
    return UpdateResult.newBuilder(plan.target(), outcome, Workflow.getInfo().getWorkflowId())
        .steps(steps.finished())
        .message(message)
        .build();
  }
}
