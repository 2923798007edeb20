package dev.steward.workflows.recovery;

import static dev.steward.workflows.host.Revisions.short7;

import dev.steward.workflows.host.CodeActivities;
import dev.steward.workflows.host.GoodRelease;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.ProviderStatus;
import dev.steward.workflows.host.ServiceActivities;
import dev.steward.workflows.host.SnapshotActivities;
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
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The recovery playbook, one private method per stage. A provider at fault (its status page says
 * major or critical) means waiting with backoff, never a rollback: someone else's outage is not a
 * reason to throw away a working version. Past that, it climbs a ladder that loses the least first:
 * the last known good code with the data as it is, then a snapshot's code and data (keeping a copy
 * of the data it replaces), then a person.
 */
public class RecoveryWorkflowImpl implements RecoveryWorkflow {
  /** Since this change recovery climbs the ladder; older runs replay the snapshot-only rollback. */
  private static final String LADDER = "recovery-ladder";

  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private TargetPlan plan;
  private final StepLog steps = new StepLog(Pipeline.RECOVERY, () -> plan);
  private String downSince;
  private String evidence;
  private String preRestore;

  @Override
  public RecoveryResult recover(RecoveryRequest request) {
    PipelineFrame frame =
        new PipelineFrame(
            steps, request.host(), () -> RecoveryOutcomes.record(RecoveryOutcome.FAILED));
    plan = frame.plan(request.target());
    downSince = request.downSince();
    return frame.locked(() -> plan, () -> finish(runPlaybook()));
  }

  @Override
  public List<StepResult> progress() {
    return steps.progress();
  }

  @Override
  public void healthProgress(HealthProgress progress) {
    steps.showHealthProgress(progress);
  }

  private Ending runPlaybook() {
    HealthReport first = confirm();
    if (first != null && first.healthy()) {
      return new Ending(RecoveryOutcome.WAS_HEALTHY, null, "was healthy: " + first.message());
    }
    if (downSince == null) {
      downSince = now().toString();
    }
    if (restartAndVerify()) {
      return new Ending(RecoveryOutcome.RESTARTED, "restart", "restarted and healthy");
    }
    if (plan.recovery().providerStatus() != null && providerAtFault()) {
      Ending waited = waitForProvider();
      if (waited != null) {
        return waited;
      }
    }
    collectEvidence();
    if (!climbsLadder()) {
      return rollBackOrEscalate();
    }
    Ending lastGood = backToLastGood();
    return lastGood != null ? lastGood : rollBackOrEscalate();
  }

  private static boolean climbsLadder() {
    return Workflow.getVersion(LADDER, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  /**
   * The first rung: the code back to the last known good release, the data as it is. Null when
   * there is none yet, the checkout is already there, or it did not end healthy.
   */
  private Ending backToLastGood() {
    GoodRelease good = GoodReleases.read(steps, plan);
    if (good == null) {
      return null;
    }
    String revision = good.revision();
    if (revision.equals(readRevision())) {
      steps.skip(Step.GOOD_CODE, "already at the last known good " + short7(revision));
      return null;
    }
    CodeActivities code = HostActivityStubs.code(plan, Step.GOOD_CODE.summary(plan, revision));
    if (!steps.attempt(
        Step.GOOD_CODE, () -> code.resetCode(plan, revision), "at " + short7(revision))) {
      return null;
    }
    ServiceActivities restarter = HostActivityStubs.service(plan, Step.GOOD_RESTART.summary(plan));
    if (!steps.attempt(Step.GOOD_RESTART, () -> restarter.restartService(plan), "restarted")) {
      steps.skip(Step.GOOD_HEALTH, "service did not start");
      return null;
    }
    if (!healthy(Step.GOOD_HEALTH)) {
      return null;
    }
    return new Ending(
        RecoveryOutcome.ROLLED_BACK,
        "code back to the last known good " + short7(revision),
        "code back to the last known good release "
            + short7(revision)
            + " (verified "
            + good.verifiedAt()
            + "), data untouched; healthy");
  }

  /** The checkout's revision, or null when it cannot be read. */
  private String readRevision() {
    CodeActivities code = HostActivityStubs.code(plan, Step.REVISION.summary(plan));
    try {
      return steps.run(Step.REVISION, () -> code.readRevision(plan), r -> "at " + short7(r));
    } catch (StepFailedException e) {
      return null;
    }
  }

  private boolean restartAndVerify() {
    ServiceActivities restarter = HostActivityStubs.service(plan, Step.RESTART.summary(plan));
    try {
      steps.run(Step.RESTART, () -> restarter.restartService(plan), "restarted");
    } catch (StepFailedException e) {
      return false;
    }
    return healthy(Step.HEALTH);
  }

  private boolean healthy(Step step) {
    ServiceActivities verifier = HostActivityStubs.service(plan, step.summary(plan));
    try {
      return steps
          .check(step, () -> verifier.verifyHealth(plan), HealthReport::message, h -> h.healthy())
          .healthy();
    } catch (StepFailedException e) {
      return false;
    }
  }

  /**
   * Probes the service; null when the probe itself failed. A failed step must not escape the
   * playbook (an exception would fail the workflow task forever, lock held): the target is then
   * treated as down, and the restart's health check decides.
   */
  private HealthReport confirm() {
    try {
      return steps.check(
          Step.CONFIRM,
          () -> HostActivityStubs.recovery(plan, Step.CONFIRM.summary(plan)).probeService(plan),
          HealthReport::message,
          h -> true);
    } catch (StepFailedException e) {
      return null;
    }
  }

  /**
   * A provider check that failed counts as unknown, like an unreadable status page: not at fault.
   */
  private boolean providerAtFault() {
    try {
      return checkProvider().atFault();
    } catch (StepFailedException e) {
      return false;
    }
  }

  private ProviderStatus checkProvider() {
    return steps.check(
        Step.PROVIDER,
        () -> HostActivityStubs.recovery(plan, Step.PROVIDER.summary(plan)).checkProvider(plan),
        p -> p.indicator() + (p.description().isEmpty() ? "" : ": " + p.description()),
        p -> !p.atFault());
  }

  /**
   * Restarts with backoff while the provider stays at fault, up to {@code waitForProvider}. Returns
   * the ending when it recovers or the wait runs out, or null when the provider is healthy again
   * but the service is not (then the fault is ours, and the playbook goes on to the rollback).
   */
  private Ending waitForProvider() {
    long deadline = Workflow.currentTimeMillis() + plan.recovery().waitForProviderMillis();
    Duration backoff = FIRST_BACKOFF;
    while (Workflow.currentTimeMillis() < deadline) {
      long left = deadline - Workflow.currentTimeMillis();
      Workflow.sleep(Duration.ofMillis(Math.min(backoff.toMillis(), left)));
      if (restartAndVerify()) {
        return new Ending(
            RecoveryOutcome.RESTARTED,
            "restart after the provider's outage",
            "restarted and healthy once the provider's outage eased");
      }
      if (!providerAtFault()) {
        return null;
      }
      backoff =
          backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
              ? MAX_BACKOFF
              : backoff.multipliedBy(2);
    }
    collectEvidence();
    return new Ending(
        RecoveryOutcome.WAITING_FOR_PROVIDER,
        null,
        "still down after waiting "
            + Duration.ofMillis(plan.recovery().waitForProviderMillis()).toMinutes()
            + " min for the model provider's outage; not rolled back");
  }

  private Ending rollBackOrEscalate() {
    SnapshotActivities snapshots =
        HostActivityStubs.snapshots(plan, Step.FIND_SNAPSHOT.summary(plan));
    SnapshotInfo snapshot;
    try {
      snapshot =
          steps.run(
              Step.FIND_SNAPSHOT,
              () -> snapshots.findNewestVerifiedSnapshot(plan),
              s -> s == null ? "no snapshot verifies" : s.file() + " at " + short7(s.revision()));
    } catch (StepFailedException e) {
      snapshot = null;
    }
    if (snapshot == null) {
      return escalate(
          "down, a restart did not help, and there is no verified snapshot to roll back to");
    }
    RollbackResult rollback = new Rollback(steps, plan).restore(snapshot.revision(), snapshot);
    preRestore = rollback.preRestore() == null ? null : rollback.preRestore().file();
    String kept =
        preRestore == null ? "" : "; the data as it was before the restore is in " + preRestore;
    if (rollback.complete()) {
      return new Ending(
          RecoveryOutcome.ROLLED_BACK,
          "rollback to " + snapshot.file() + " (revision " + short7(snapshot.revision()) + ")",
          "rolled back to " + short7(snapshot.revision()) + " and its data; healthy" + kept);
    }
    collectEvidence();
    return escalate(
        "down, and still down after rolling back to "
            + snapshot.file()
            + " ("
            + short7(snapshot.revision())
            + ")"
            + kept);
  }

  /** Puts updates on hold; the critical notice with the evidence goes out in {@link #finish}. */
  private Ending escalate(String why) {
    RecoverySteps.holdUpdates(steps, plan, "recovery failed: " + why);
    return new Ending(
        RecoveryOutcome.FAILED, null, why + "; updates are on hold, a person is needed");
  }

  private void collectEvidence() {
    evidence = RecoverySteps.collectEvidence(steps, plan);
  }

  private RecoveryResult finish(Ending ending) {
    Long seconds = null;
    if (downSince != null && ending.outcome() != RecoveryOutcome.WAS_HEALTHY && isHealthy(ending)) {
      seconds =
          Math.max(
              0, (Workflow.currentTimeMillis() - Instant.parse(downSince).toEpochMilli()) / 1000);
    }
    if (isHealthy(ending) && climbsLadder()) {
      GoodReleases.mark(steps, plan);
    }
    RecoveryOutcomes.announce(plan, ending.outcome(), ending.message(), evidence);
    RecoveryOutcomes.record(ending.outcome());
    return RecoveryResult.newBuilder(
            plan.target(), ending.outcome(), Workflow.getInfo().getWorkflowId())
        .recoveredBy(ending.recoveredBy())
        .downSince(ending.outcome() == RecoveryOutcome.WAS_HEALTHY ? null : downSince)
        .secondsToRecover(seconds)
        .evidence(evidence)
        .steps(steps.finished())
        .message(ending.message())
        .preRestoreSnapshot(preRestore)
        .build();
  }

  private static boolean isHealthy(Ending ending) {
    return ending.outcome() == RecoveryOutcome.RESTARTED
        || ending.outcome() == RecoveryOutcome.ROLLED_BACK;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }

  private record Ending(RecoveryOutcome outcome, String recoveredBy, String message) {}
}
