package dev.steward.workflows.fleet;

import static dev.steward.workflows.host.Revisions.short7;

import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.pipeline.FailureReason;
import dev.steward.workflows.recovery.RecoveryOutcome;
import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.recovery.RestoreRequest;
import dev.steward.workflows.recovery.RestoreWorkflow;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateRequest;
import dev.steward.workflows.update.UpdateResult;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.function.Consumer;

/**
 * What a rollout does to one host, each through that host's own worker: reach it, run its own
 * update as a child, re-check its health after a bake, restore the snapshot its update took.
 * Workflow code: it starts activities and children, nothing else.
 *
 * <p>How a host that is down fails instead of stalling the rollout: before a host's update (or
 * restore) starts, the rollout reaches the host with one quick activity on that host's queue whose
 * schedule-to-start timeout is the fleet's {@code hostTimeout} (never retried). No worker picking
 * it up in time fails the host, and no child was started, so nothing can run there later by
 * surprise. A timer racing an already started child would have to cancel or terminate it, and a
 * host whose worker comes back would then find a cancelled update to roll back, or a terminated one
 * that never could. Once reached, the update runs to its own end: a worker that dies mid-update
 * resumes it when it restarts (its activities are retried), and the rollout waits for it, as it
 * should for a host whose code and data are in flight.
 */
final class FleetHosts {
  private final FleetPlan plan;
  private final String revision;

  /** How one host's update ended, as the rollout counts it. */
  record Landing(HostRollout host, boolean landed, boolean unhealthy) {}

  FleetHosts(FleetPlan plan, String revision) {
    this.plan = plan;
    this.revision = revision;
  }

  /**
   * The commit to roll out, resolved once by the first host's worker against its own remote ref:
   * {@code requested} in full, or the ref's newest commit when it is null.
   *
   * @throws ApplicationFailure non-retryable when the host cannot be reached or refuses it
   */
  static String resolveRevision(FleetPlan plan, String requested) {
    String first = plan.hosts().get(0);
    Reached reached = reach(plan, first, "revision");
    String why = reached.refusal();
    if (why == null) {
      try {
        return HostActivityStubs.code(
                reached.plan(),
                plan.hostTimeout(),
                "Resolve the revision of " + plan.target() + " to roll out, on " + first)
            .resolveRevision(reached.plan(), requested);
      } catch (ActivityFailure e) {
        why = FailureReason.of(e);
      }
    }
    throw ApplicationFailure.newNonRetryableFailure(
        "fleet "
            + plan.fleet()
            + ": cannot resolve the revision to roll out on "
            + first
            + ": "
            + why,
        FailureTypes.PLAN_REFUSED);
  }

  /**
   * Runs {@code host}'s own update to the rollout's revision, telling {@code started} once its run
   * exists.
   */
  Landing update(String host, Consumer<HostRollout> started) {
    Reached reached = reach(plan, host, "update");
    if (reached.refusal() != null) {
      return new Landing(hostState(host, HostState.FAILED, reached.refusal()), false, false);
    }
    String id = childId(host, "");
    UpdateWorkflow child =
        Workflow.newChildWorkflowStub(
            UpdateWorkflow.class,
            childOptions(
                id,
                host,
                StewardSearchAttributes.KIND_UPDATE,
                "Update " + plan.target() + " on " + host + " to " + short7(revision)));
    Promise<UpdateResult> result =
        Async.function(child::update, new UpdateRequest(plan.target(), host, null, revision));
    String runId = null;
    try {
      WorkflowExecution execution = Workflow.getWorkflowExecution(child).get();
      runId = execution.getRunId();
      started.accept(new HostRollout(host, HostState.UPDATING, id, runId, null, null, null));
      return landing(host, id, runId, result.get());
    } catch (ChildWorkflowFailure e) {
      String why = "its update could not run: " + FailureReason.of(e);
      return new Landing(
          new HostRollout(host, HostState.FAILED, id, runId, null, null, why), false, false);
    }
  }

  /** The host's health again, by its own worker's health check: null when healthy, else why not. */
  String recheck(String host) {
    Reached reached = reach(plan, host, "re-check");
    if (reached.refusal() != null) {
      return reached.refusal();
    }
    try {
      HealthReport health =
          HostActivityStubs.service(
                  reached.plan(),
                  plan.hostTimeout(),
                  "Re-check " + plan.target() + " on " + host + " after the bake")
              .verifyHealth(reached.plan());
      return health.healthy() ? null : "unhealthy after the bake: " + health.message();
    } catch (ActivityFailure e) {
      return "its health could not be re-checked: " + FailureReason.of(e);
    }
  }

  /**
   * Restores the snapshot {@code updated}'s own update took, code and data, by the host's own
   * restore; the host ends {@code whenHealthy}, or failed.
   */
  Landing restore(HostRollout updated, HostState whenHealthy, String why) {
    String host = updated.host();
    Reached reached = reach(plan, host, "restore");
    if (reached.refusal() != null) {
      return broken(updated, why + "; not restored: " + reached.refusal());
    }
    RestoreWorkflow child =
        Workflow.newChildWorkflowStub(
            RestoreWorkflow.class,
            childOptions(
                childId(host, "/revert"),
                host,
                StewardSearchAttributes.KIND_RECOVERY,
                "Revert "
                    + plan.target()
                    + " on "
                    + host
                    + " to "
                    + short7(updated.fromRevision())));
    try {
      RecoveryResult result =
          child.restore(new RestoreRequest(plan.target(), host, fileName(updated.snapshot())));
      if (result.outcome() == RecoveryOutcome.ROLLED_BACK) {
        String message =
            why
                + "; back at "
                + short7(updated.fromRevision())
                + " with its data: "
                + result.message();
        return new Landing(updated.with(whenHealthy, message), false, false);
      }
      return broken(updated, why + "; restore failed: " + result.message());
    } catch (ChildWorkflowFailure e) {
      return broken(updated, why + "; restore could not run: " + FailureReason.of(e));
    }
  }

  private Landing landing(String host, String id, String runId, UpdateResult result) {
    UpdateOutcome outcome = result.outcome();
    boolean atRevision = revision.equals(result.toRevision());
    boolean moved = outcome == UpdateOutcome.UPDATED && result.snapshot() != null;
    HostState state;
    String message = result.message();
    if ((outcome == UpdateOutcome.UPDATED || outcome == UpdateOutcome.UNCHANGED) && atRevision) {
      state = HostState.UPDATED;
    } else if (outcome == UpdateOutcome.ROLLED_BACK) {
      state = HostState.ROLLED_BACK;
    } else {
      state = HostState.FAILED;
      if (outcome == UpdateOutcome.UPDATED) {
        message =
            "its update left it at " + short7(result.toRevision()) + ", not " + short7(revision);
      }
    }
    boolean unhealthy = outcome == UpdateOutcome.FAILED && result.rolledBack();
    HostRollout rollout =
        new HostRollout(
            host,
            state,
            id,
            runId,
            result.fromRevision(),
            result.snapshot(),
            outcome + ": " + message);
    return new Landing(rollout, moved, unhealthy);
  }

  /** The host's plan from its own worker, or why it could not be had in time. */
  private static Reached reach(FleetPlan plan, String host, String purpose) {
    try {
      TargetPlan own =
          HostActivityStubs.reach(
                  host,
                  plan.hostTimeout(),
                  "Reach " + host + " for the " + purpose + " of " + plan.target())
              .resolvePlan(plan.target());
      return new Reached(own, null);
    } catch (ActivityFailure e) {
      if (e.getCause() instanceof TimeoutFailure timeout
          && timeout.getTimeoutType() == TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START) {
        return new Reached(
            null, "its worker did not pick up within " + FleetTexts.duration(plan.hostTimeout()));
      }
      return new Reached(null, FailureReason.of(e));
    }
  }

  private record Reached(TargetPlan plan, String refusal) {}

  private Landing broken(HostRollout updated, String message) {
    return new Landing(updated.with(HostState.FAILED, message), false, true);
  }

  private static HostRollout hostState(String host, HostState state, String message) {
    return new HostRollout(host, state, null, null, null, null, message);
  }

  /** The rollout's id and the host: {@code rollout/<fleet>/<time>/<host>}, readable in the UI. */
  private static String childId(String host, String suffix) {
    return Workflow.getInfo().getWorkflowId() + "/" + host + suffix;
  }

  private ChildWorkflowOptions childOptions(String id, String host, String kind, String summary) {
    ChildWorkflowOptions.Builder options =
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(id)
            .setTaskQueue(TaskQueues.WORKFLOWS)
            .setStaticSummary(summary + " (rollout " + plan.fleet() + ")")
            // A rollout that is terminated must not terminate a host's update halfway (a
            // terminated update never rolls back): cancelled, it rolls code and data back itself.
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL);
    // Only in a namespace that knows Steward's attributes (the rollout carries them): then
    // steward history and the web UI's filters find each host's run beside its other runs.
    if (Workflow.getTypedSearchAttributes().containsKey(StewardSearchAttributes.KIND)) {
      options.setTypedSearchAttributes(
          SearchAttributes.newBuilder(StewardSearchAttributes.forNewRun(kind, plan.target(), host))
              .set(StewardSearchAttributes.FLEET, plan.fleet())
              .build());
    }
    return options.build();
  }

  /** A snapshot's file name, as a restore takes it; the update reports its full path. */
  private static String fileName(String snapshot) {
    return snapshot.substring(snapshot.lastIndexOf('/') + 1);
  }
}
