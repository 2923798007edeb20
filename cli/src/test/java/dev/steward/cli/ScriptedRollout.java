package dev.steward.cli;

import dev.steward.workflows.fleet.FleetApproval;
import dev.steward.workflows.fleet.FleetOutcome;
import dev.steward.workflows.fleet.FleetPlan;
import dev.steward.workflows.fleet.FleetRolloutRequest;
import dev.steward.workflows.fleet.FleetRolloutResult;
import dev.steward.workflows.fleet.FleetRolloutStatus;
import dev.steward.workflows.fleet.FleetRolloutWorkflow;
import dev.steward.workflows.fleet.HostRollout;
import dev.steward.workflows.fleet.HostState;
import dev.steward.workflows.update.ApprovalDecision;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A test-only FleetRolloutWorkflow: it stands in for the real one (FleetRolloutWorkflowImpl, with
 * its own tests) so that the CLI's tests are independent of it. It keeps the contract the CLI reads
 * — batches in order, the status query, the approval gates, pause, resume and abort with their
 * validators, the outcomes — and starts no host's update: each host "updates" in a short timer,
 * ending {@code rolled_back} when it is in {@code rolledBack}, {@code failed} when in {@code
 * unhealthy}, else {@code updated}.
 */
public final class ScriptedRollout implements FleetRolloutWorkflow {
  private final FleetPlan plan;
  private final Set<String> rolledBack;
  private final Set<String> unhealthy;
  private final List<HostRollout> hosts = new ArrayList<>();
  private String revision;
  private String phase = "planning";
  private int batch;
  private int failed;
  private boolean paused;
  private Boolean aborted;
  private ApprovalDecision decision;
  private FleetOutcome outcome;

  ScriptedRollout(FleetPlan plan, Set<String> rolledBack, Set<String> unhealthy) {
    this.plan = plan;
    this.rolledBack = rolledBack;
    this.unhealthy = unhealthy;
  }

  @Override
  public FleetRolloutResult rollout(FleetRolloutRequest request) {
    revision = request.revision() != null ? request.revision() : "0123abc";
    plan.hosts()
        .forEach(
            h -> hosts.add(new HostRollout(h, HostState.WAITING, null, null, null, null, null)));
    phase = "running";
    for (int i = 0; i < plan.batches().size() && outcome == null; i++) {
      batch = i + 1;
      runBatch(plan.batches().get(i));
      if (outcome == null && gateAfter(i)) {
        awaitApproval();
      }
    }
    if (outcome == null) {
      boolean unhealthyLeft = hosts.stream().anyMatch(h -> h.state() == HostState.FAILED);
      outcome =
          unhealthyLeft
              ? FleetOutcome.FAILED
              : failed > 0 ? FleetOutcome.PARTIAL : FleetOutcome.UPDATED;
    }
    phase = "done";
    return new FleetRolloutResult(
        plan.fleet(),
        outcome,
        revision,
        Workflow.getInfo().getWorkflowId(),
        List.copyOf(hosts),
        outcome + " after " + failed + " failed");
  }

  private void runBatch(List<String> batch) {
    for (String host : batch) {
      Workflow.await(() -> !paused || aborted != null);
      if (aborted != null) {
        stop(aborted);
        return;
      }
      String updateId = "update/" + plan.target() + "/" + host;
      set(host, HostState.UPDATING, updateId, null);
      Workflow.sleep(Duration.ofMillis(200));
      HostState state =
          rolledBack.contains(host)
              ? HostState.ROLLED_BACK
              : unhealthy.contains(host) ? HostState.FAILED : HostState.UPDATED;
      set(
          host,
          state,
          updateId,
          state == HostState.UPDATED ? "at " + revision : "its update failed");
      if (state != HostState.UPDATED && ++failed > plan.failureBudget()) {
        stop(plan.onBudgetExceeded().wire().equals("revert"));
        return;
      }
    }
  }

  private boolean gateAfter(int index) {
    boolean last = index == plan.batches().size() - 1;
    return !last
        && (plan.approval() == FleetApproval.EVERY_BATCH
            || (plan.approval() == FleetApproval.AFTER_CANARY && index == 0));
  }

  private void awaitApproval() {
    phase = "awaiting-approval";
    Workflow.await(() -> decision != null || aborted != null);
    if (aborted != null) {
      stop(aborted);
    } else if (!decision.approved()) {
      stop(true);
    }
    decision = null;
    phase = outcome == null ? "running" : phase;
  }

  private void stop(boolean revert) {
    if (revert) {
      phase = "reverting";
      for (HostRollout host : List.copyOf(hosts)) {
        if (host.state() == HostState.UPDATED) {
          set(host.host(), HostState.REVERTED, host.workflowId(), "back at its old revision");
        }
      }
    }
    outcome = revert ? FleetOutcome.REVERTED : FleetOutcome.HALTED;
  }

  private void set(String host, HostState state, String workflowId, String message) {
    for (int i = 0; i < hosts.size(); i++) {
      if (hosts.get(i).host().equals(host)) {
        hosts.set(
            i,
            new HostRollout(
                host,
                state,
                workflowId,
                workflowId == null ? null : "run-" + host,
                "old",
                null,
                message));
      }
    }
  }

  @Override
  public FleetRolloutStatus status() {
    return new FleetRolloutStatus(
        plan.fleet(),
        plan.target(),
        revision,
        paused && outcome == null ? "paused" : phase,
        batch,
        plan.batches().size(),
        failed,
        plan.failureBudget(),
        List.copyOf(hosts),
        outcome);
  }

  @Override
  public String approve(ApprovalDecision answer) {
    decision = answer;
    return answer.approved() ? "approved: going on to batch " + (batch + 1) : "rejected: reverting";
  }

  @Override
  public void validateApprove(ApprovalDecision answer) {
    if (!"awaiting-approval".equals(phase)) {
      throw new IllegalStateException(
          "the rollout is not waiting for approval (it is " + phase + ")");
    }
  }

  @Override
  public String pause() {
    paused = true;
    return "paused: no more hosts start until: steward rollout resume";
  }

  @Override
  public void validatePause() {
    if (paused || outcome != null) {
      throw new IllegalStateException(
          paused ? "the rollout is already paused" : "the rollout has ended");
    }
  }

  @Override
  public String resume() {
    paused = false;
    return "resumed";
  }

  @Override
  public void validateResume() {
    if (!paused) {
      throw new IllegalStateException("the rollout is not paused");
    }
  }

  @Override
  public String abort(boolean revert) {
    aborted = revert;
    return revert ? "aborting: reverting every updated host" : "aborting: no more hosts start";
  }

  @Override
  public void validateAbort(boolean revert) {
    if (outcome != null || aborted != null) {
      throw new IllegalStateException("the rollout has ended or is already stopping");
    }
  }
}
