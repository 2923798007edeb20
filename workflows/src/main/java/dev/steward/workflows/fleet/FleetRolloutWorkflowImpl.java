package dev.steward.workflows.fleet;

import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.pipeline.FailureReason;
import dev.steward.workflows.update.ApprovalDecision;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fleet's rollout: the plan and the revision resolved once, then each batch in order, each host's
 * own update as a child (at most {@code maxParallel} at once), a bake and health re-check, the
 * approval gates; a failure budget over the whole rollout, and on it exceeded, a rejection or an
 * abort with revert, every host it updated restored from the snapshot its own update took.
 */
public class FleetRolloutWorkflowImpl implements FleetRolloutWorkflow {
  /** Past this many events a rollout continues as new before its next batch, carrying its state. */
  static final long HISTORY_LIMIT = 5_000;

  private FleetRolloutRequest request;
  private FleetPlan plan;
  private String revision;
  private String phase = FleetPhases.PLANNING;
  private int batch;
  private RolloutHosts hosts = new RolloutHosts();
  private int updating;
  private final RolloutControls controls = new RolloutControls();
  private FleetOutcome outcome;

  /** Why a rollout stopped before its last batch. */
  private enum Stop {
    BUDGET,
    REJECTED,
    ABORTED
  }

  @Override
  public FleetRolloutResult rollout(FleetRolloutRequest request) {
    this.request = request;
    int batchesDone = request.progress() == null ? start() : resume(request.progress());
    Stop stop = runBatches(batchesDone);
    return finish(stop);
  }

  /** A new rollout: the fleet from the starting host's config, the revision from the first host. */
  private int start() {
    plan = resolveFleet();
    hosts = RolloutHosts.waiting(plan);
    describe();
    revision = FleetHosts.resolveRevision(plan, request.revision());
    Workflow.getLogger(FleetRolloutWorkflowImpl.class)
        .info("rolling out {} to fleet {} ({} hosts)", revision, plan.fleet(), hosts.size());
    return 0;
  }

  private FleetPlan resolveFleet() {
    try {
      return HostActivityStubs.quick(
              FleetActivities.class,
              request.host(),
              "Resolve fleet " + request.fleet() + " on " + request.host())
          .resolveFleet(request.fleet());
    } catch (ActivityFailure e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "fleet " + request.fleet() + ": " + FailureReason.of(e), FailureTypes.CONFIG_INVALID);
    }
  }

  /** A run continued from an earlier one: its state as that run left it. */
  private int resume(FleetRolloutProgress progress) {
    plan = progress.plan();
    revision = progress.revision();
    hosts = RolloutHosts.carried(progress);
    controls.carryPause(progress.paused());
    return progress.batchesDone();
  }

  private Stop runBatches(int batchesDone) {
    for (int i = batchesDone; i < plan.batches().size(); i++) {
      if (i > batchesDone && historyIsLong()) {
        continueAsNew(i);
      }
      batch = i + 1;
      runBatch(plan.batches().get(i));
      if (stop() == null) {
        bake();
      }
      if (stop() == null && gateAfter(batch)) {
        phase = FleetPhases.AWAITING_APPROVAL;
        describe();
        controls.awaitApproval();
      }
      if (stop() != null) {
        return stop();
      }
    }
    return null;
  }

  /** The batch's hosts, each once a slot is free, none while paused or once the rollout stops. */
  private void runBatch(List<String> batchHosts) {
    phase = FleetPhases.RUNNING;
    describe();
    List<Promise<Void>> running = new ArrayList<>();
    for (String host : batchHosts) {
      Workflow.await(() -> stop() != null || (!controls.paused() && updating < maxParallel()));
      if (stop() != null) {
        break;
      }
      updating++;
      running.add(Async.procedure(() -> updateHost(host)));
    }
    Promise.allOf(running).get();
  }

  private void updateHost(String host) {
    try {
      hosts.record(
          onHosts()
              .update(
                  host,
                  started -> {
                    hosts.put(started);
                    describe();
                  }));
    } finally {
      updating--;
      describe();
    }
  }

  /**
   * After the bake, every host at the revision is checked again; one gone unhealthy is restored.
   */
  private void bake() {
    if (plan.bake() == null || plan.bake().isZero()) {
      return;
    }
    phase = FleetPhases.BAKING;
    describe();
    if (Workflow.await(plan.bake(), controls::aborted)) {
      return;
    }
    List<String> updated = hosts.inState(HostState.UPDATED);
    List<HostRollout> sick = new ArrayList<>();
    Bounded.each(updated, updated.size(), onHosts()::recheck)
        .forEach(
            (host, why) -> {
              if (why != null) {
                sick.add(hosts.sickAfterBake(host, why));
              }
            });
    describe();
    // A host this rollout moved that went unhealthy is put back at once, as its update would have.
    restore(sick.stream().filter(h -> hosts.landed(h.host())).toList(), HostState.ROLLED_BACK);
  }

  private boolean gateAfter(int done) {
    boolean more = done < plan.batches().size();
    return more
        && (plan.approval() == FleetApproval.EVERY_BATCH
            || (plan.approval() == FleetApproval.AFTER_CANARY && done == 1));
  }

  private Stop stop() {
    if (controls.aborted()) {
      return Stop.ABORTED;
    }
    if (controls.rejected()) {
      return Stop.REJECTED;
    }
    return hosts.failed() > plan.failureBudget() ? Stop.BUDGET : null;
  }

  private FleetRolloutResult finish(Stop stop) {
    boolean revert =
        stop == Stop.REJECTED
            || (stop == Stop.ABORTED && controls.revertOnAbort())
            || (stop == Stop.BUDGET && plan.onBudgetExceeded() == BudgetAction.REVERT);
    controls.stopping();
    if (revert) {
      phase = FleetPhases.REVERTING;
      describe();
      restore(hosts.landed(), HostState.REVERTED);
    }
    if (hosts.anyUnhealthy()) {
      outcome = FleetOutcome.FAILED;
    } else if (revert) {
      outcome = FleetOutcome.REVERTED;
    } else if (stop != null) {
      outcome = FleetOutcome.HALTED;
    } else {
      outcome = hosts.failed() > 0 ? FleetOutcome.PARTIAL : FleetOutcome.UPDATED;
    }
    phase = FleetPhases.DONE;
    controls.ended();
    describe();
    StewardSearchAttributes.upsertOutcome(outcome.wire());
    return new FleetRolloutResult(
        plan.fleet(),
        outcome,
        revision,
        Workflow.getInfo().getWorkflowId(),
        hosts.all(),
        FleetTexts.result(outcome, why(stop), revision, hosts.all()));
  }

  private String why(Stop stop) {
    if (stop == null) {
      return null;
    }
    return switch (stop) {
      case BUDGET -> hosts.failed() + " failed, over the failure budget of " + plan.failureBudget();
      case REJECTED ->
          "rejected by "
              + controls.decision().by()
              + (controls.decision().reason() == null ? "" : ": " + controls.decision().reason());
      case ABORTED -> "aborted";
    };
  }

  /** Restores each of {@code updated} from its update's snapshot, as many at once as may update. */
  private void restore(List<HostRollout> updated, HostState whenHealthy) {
    Map<String, HostRollout> byHost = new LinkedHashMap<>();
    updated.forEach(h -> byHost.put(h.host(), h));
    Bounded.each(
            List.copyOf(byHost.keySet()),
            maxParallel(),
            host -> {
              HostRollout was = byHost.get(host);
              String why = whenHealthy == HostState.REVERTED ? "reverted" : was.message();
              return onHosts().restore(was, whenHealthy, why);
            })
        .values()
        .forEach(hosts::restored);
    describe();
  }

  private boolean historyIsLong() {
    return Workflow.getInfo().isContinueAsNewSuggested()
        || Workflow.getInfo().getHistoryLength() > HISTORY_LIMIT;
  }

  private void continueAsNew(int batchesDone) {
    Workflow.await(Workflow::isEveryHandlerFinished);
    FleetRolloutProgress progress = hosts.progress(plan, revision, batchesDone, controls.paused());
    Workflow.continueAsNew(
        new FleetRolloutRequest(request.fleet(), request.host(), request.revision(), progress));
  }

  /** The rollout's hands on its hosts. */
  private FleetHosts onHosts() {
    return new FleetHosts(plan, revision);
  }

  private int maxParallel() {
    return Math.max(1, plan.maxParallel());
  }

  private void describe() {
    Workflow.setCurrentDetails(FleetTexts.details(status()));
  }

  @Override
  public FleetRolloutStatus status() {
    boolean known = plan != null;
    String shown =
        controls.paused() && FleetPhases.RUNNING.equals(phase) ? FleetPhases.PAUSED : phase;
    return new FleetRolloutStatus(
        known ? plan.fleet() : request == null ? null : request.fleet(),
        known ? plan.target() : null,
        revision,
        shown,
        batch,
        known ? plan.batches().size() : 0,
        hosts.failed(),
        known ? plan.failureBudget() : 0,
        hosts.all(),
        outcome);
  }

  @Override
  public String approve(ApprovalDecision answer) {
    return controls.approve(
        answer, "batch " + (batch + 1) + " of " + plan.batches().size(), hosts.landed().size());
  }

  @Override
  public void validateApprove(ApprovalDecision answer) {
    controls.validateApprove(answer, status().phase());
  }

  @Override
  public String pause() {
    return controls.pause(updating);
  }

  @Override
  public void validatePause() {
    controls.validatePause();
  }

  @Override
  public String resume() {
    return controls.resume();
  }

  @Override
  public void validateResume() {
    controls.validateResume();
  }

  @Override
  public String abort(boolean revert) {
    return controls.abort(revert, updating);
  }

  @Override
  public void validateAbort(boolean revert) {
    controls.validateAbort();
  }
}
