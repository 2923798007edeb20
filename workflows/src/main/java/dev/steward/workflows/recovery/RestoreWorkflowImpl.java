package dev.steward.workflows.recovery;

import static dev.steward.workflows.host.Revisions.short7;

import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.pipeline.GoodReleases;
import dev.steward.workflows.pipeline.HealthProgress;
import dev.steward.workflows.pipeline.Pipeline;
import dev.steward.workflows.pipeline.PipelineFrame;
import dev.steward.workflows.pipeline.Rollback;
import dev.steward.workflows.pipeline.RollbackResult;
import dev.steward.workflows.pipeline.Step;
import dev.steward.workflows.pipeline.StepFailedException;
import dev.steward.workflows.pipeline.StepLog;
import dev.steward.workflows.pipeline.StepResult;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.List;

/** A manual restore: the snapshot the person named, through the one {@link Rollback}. */
public class RestoreWorkflowImpl implements RestoreWorkflow {
  private TargetPlan plan;
  private final StepLog steps = new StepLog(Pipeline.RESTORE, () -> plan);
  private String evidence;

  @Override
  public RecoveryResult restore(RestoreRequest request) {
    PipelineFrame frame =
        new PipelineFrame(
            steps, request.host(), () -> RecoveryOutcomes.record(RecoveryOutcome.FAILED));
    plan = frame.plan(request.target());
    return frame.locked(() -> plan, () -> finish(restore(find(request.snapshot()))));
  }

  @Override
  public List<StepResult> progress() {
    return steps.progress();
  }

  @Override
  public void healthProgress(HealthProgress progress) {
    steps.showHealthProgress(progress);
  }

  /**
   * The named snapshot, verified; a name the host does not know fails the run, touching nothing.
   */
  private SnapshotInfo find(String name) {
    try {
      return steps.run(
          Step.FIND_SNAPSHOT,
          () ->
              HostActivityStubs.snapshots(plan, Step.FIND_SNAPSHOT.summary(plan, name))
                  .findSnapshot(plan, name),
          s -> s.file() + " at " + short7(s.revision()));
    } catch (StepFailedException e) {
      RecoveryOutcomes.record(RecoveryOutcome.FAILED);
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), e.type());
    }
  }

  private Ending restore(SnapshotInfo snapshot) {
    RollbackResult rollback = new Rollback(steps, plan).restore(snapshot.revision(), snapshot);
    String kept =
        rollback.preRestore() == null
            ? ""
            : "; the data as it was before the restore is in " + rollback.preRestore().file();
    String keptFile = rollback.preRestore() == null ? null : rollback.preRestore().file();
    String restored = "restored " + snapshot.file() + " (revision " + short7(snapshot.revision());
    if (rollback.complete()) {
      GoodReleases.mark(steps, plan);
      return new Ending(RecoveryOutcome.ROLLED_BACK, restored + "); healthy" + kept, keptFile);
    }
    evidence = RecoverySteps.collectEvidence(steps, plan);
    String why = restored + "), but the service is NOT healthy" + kept;
    RecoverySteps.holdUpdates(steps, plan, "restore failed: " + why);
    return new Ending(
        RecoveryOutcome.FAILED, why + "; updates are on hold, a person is needed", keptFile);
  }

  private RecoveryResult finish(Ending ending) {
    RecoveryOutcomes.announce(plan, "restore", ending.outcome(), ending.message(), evidence);
    RecoveryOutcomes.record(ending.outcome());
    return RecoveryResult.newBuilder(
            plan.target(), ending.outcome(), Workflow.getInfo().getWorkflowId())
        .recoveredBy(ending.outcome() == RecoveryOutcome.ROLLED_BACK ? "restore" : null)
        .evidence(evidence)
        .steps(steps.finished())
        .message(ending.message())
        .preRestoreSnapshot(ending.preRestoreSnapshot())
        .build();
  }

  private record Ending(RecoveryOutcome outcome, String message, String preRestoreSnapshot) {}
}
