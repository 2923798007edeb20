package dev.steward.workflows.fleet;

import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.fakes.TestPlans;
import dev.steward.workflows.host.CodeActivities;
import dev.steward.workflows.host.CodeUpdate;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.PipelineActivities;
import dev.steward.workflows.host.ServiceActivities;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.UpdateCheck;
import dev.steward.workflows.pipeline.HealthProgress;
import dev.steward.workflows.pipeline.StepResult;
import dev.steward.workflows.recovery.RecoveryOutcome;
import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.recovery.RestoreRequest;
import dev.steward.workflows.recovery.RestoreWorkflow;
import dev.steward.workflows.update.ApprovalDecision;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateRequest;
import dev.steward.workflows.update.UpdateResult;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fleet of fake hosts for the rollout's branches: each host's queue answers its plan and its
 * health, the starting host its fleet; each host's update and restore are fake child workflows
 * answering what the test sets. Hand-written fakes: the real hosts are in the worker's
 * FleetRolloutTest.
 */
final class FakeFleet {
  static final String STARTER = "starter";

  /** What each host's update ends with; a host not named ends updated to the pinned revision. */
  static final Map<String, UpdateOutcome> outcomes = new ConcurrentHashMap<>();

  /** The hosts that are unhealthy when the bake re-checks them. */
  static final Set<String> sickAfterBake = ConcurrentHashMap.newKeySet();

  /** Every child run, in the order they started: {@code update vps-1}, {@code restore vps-1}. */
  static final List<String> runs = new CopyOnWriteArrayList<>();

  private FakeFleet() {}

  static void reset() {
    outcomes.clear();
    sickAfterBake.clear();
    runs.clear();
  }

  /** Starts the environment with the starting host answering {@code plan}, and every host. */
  static void start(TestWorkflowEnvironment env, FleetPlan plan) {
    env.newWorker(
            TaskQueues.WORKFLOWS,
            WorkerOptions.newBuilder()
                .setDefaultDeadlockDetectionTimeout(Duration.ofMinutes(1).toMillis())
                .build())
        .registerWorkflowImplementationTypes(
            FleetRolloutWorkflowImpl.class, FakeUpdate.class, FakeRestore.class);
    FleetActivities fleets = name -> plan;
    env.newWorker(TaskQueues.forHost(STARTER)).registerActivitiesImplementations(fleets);
    for (String host : plan.hosts()) {
      env.newWorker(TaskQueues.forHost(host))
          .registerActivitiesImplementations(new Host(host), new Code());
    }
    env.start();
  }

  /** One host's activities: its plan, the revision (first host), its health. */
  static final class Host implements PipelineActivities, ServiceActivities {
    private final String host;

    Host(String host) {
      this.host = host;
    }

    /** The test plan, addressed to this host: its code and service activities go to its queue. */
    @Override
    public TargetPlan resolvePlan(String target) {
      TargetPlan p = TestPlans.plan();
      return new TargetPlan(
          p.target(),
          host,
          p.checkout(),
          p.state(),
          p.service(),
          p.snapshot(),
          p.minFreeBytes(),
          p.update(),
          p.patches(),
          p.health(),
          p.controls(),
          p.recovery(),
          p.monitor(),
          p.notifications());
    }

    @Override
    public void acquireLock(TargetPlan plan, String workflowId) {}

    @Override
    public void releaseLock(TargetPlan plan, String workflowId) {}

    @Override
    public HealthReport verifyHealth(TargetPlan plan) {
      boolean sick = sickAfterBake.contains(host);
      return new HealthReport(!sick, 0, sick ? "answers 503" : "healthy for 2s");
    }

    @Override
    public void restartService(TargetPlan plan) {}

    @Override
    public void stopService(TargetPlan plan) {}

    @Override
    public String collectEvidence(TargetPlan plan) {
      return "";
    }
  }

  /** The first host's code: the revision a rollout rolls out. */
  static final class Code implements CodeActivities {
    @Override
    public String resolveRevision(TargetPlan plan, String revision) {
      return revision == null ? TestPlans.NEW : revision;
    }

    // The other code activities: a rollout never calls them.

    @Override
    public String readRevision(TargetPlan plan) {
      throw new UnsupportedOperationException();
    }

    @Override
    public UpdateCheck checkForUpdate(TargetPlan plan) {
      throw new UnsupportedOperationException();
    }

    @Override
    public UpdateCheck checkRevision(TargetPlan plan, String revision) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CodeUpdate updateCodeTo(TargetPlan plan, String key, String revision) {
      throw new UnsupportedOperationException();
    }

    @Override
    public CodeUpdate updateCode(TargetPlan plan, String key) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<String> applyPatches(TargetPlan plan) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void resetCode(TargetPlan plan, String revision) {
      throw new UnsupportedOperationException();
    }
  }

  /** A host's update: ends as {@link #outcomes} says, at the pinned revision when it updated. */
  public static class FakeUpdate implements UpdateWorkflow {
    @Override
    public UpdateResult update(UpdateRequest request) {
      runs.add("update " + request.host());
      UpdateOutcome outcome = outcomes.getOrDefault(request.host(), UpdateOutcome.UPDATED);
      boolean updated = outcome == UpdateOutcome.UPDATED;
      return UpdateResult.newBuilder(request.target(), outcome, "update/" + request.host())
          .revisions(TestPlans.OLD, updated ? request.revision() : TestPlans.OLD)
          .snapshot(TestPlans.SNAPSHOT.file())
          .rolledBack(!updated)
          .message(updated ? "updated and healthy" : "health failed; rolled back")
          .build();
    }

    @Override
    public List<StepResult> progress() {
      return List.of();
    }

    @Override
    public void healthProgress(HealthProgress progress) {}

    @Override
    public String decide(ApprovalDecision decision) {
      return "";
    }

    @Override
    public void validateDecision(ApprovalDecision decision) {}
  }

  /** A host's restore of its snapshot: always healthy. */
  public static class FakeRestore implements RestoreWorkflow {
    @Override
    public RecoveryResult restore(RestoreRequest request) {
      runs.add("restore " + request.host() + " " + request.snapshot());
      return RecoveryResult.newBuilder(request.target(), RecoveryOutcome.ROLLED_BACK, "restore")
          .message("restored")
          .build();
    }

    @Override
    public List<StepResult> progress() {
      return List.of();
    }

    @Override
    public void healthProgress(HealthProgress progress) {}
  }
}
