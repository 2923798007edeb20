package dev.steward.workflows.monitor;

import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.Hold;
import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.Measurement;
import dev.steward.workflows.host.Notice;
import dev.steward.workflows.host.Summaries;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.notify.Notices;
import dev.steward.workflows.pipeline.FailureReason;
import dev.steward.workflows.pipeline.Step;
import dev.steward.workflows.recovery.RecoveryRequest;
import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.recovery.RecoveryWorkflow;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The monitor's loop: measure, heartbeat, alerts, recovery, sleep; continue as new. */
public class MonitorWorkflowImpl implements MonitorWorkflow {
  /** Cycles per run before continuing as new: a few hundred events of history at most. */
  static final int CYCLES_PER_RUN = 50;

  private MonitorState state = MonitorState.initial();
  private TargetPlan plan;

  @Override
  public Measurement monitor(MonitorRequest request) {
    if (request.carried() != null) {
      state = request.carried();
    }
    if (request.once()) {
      plan =
          HostActivityStubs.pipeline(request.host(), Step.PLAN.summary(null, request.target()))
              .resolvePlan(request.target());
      return HostActivityStubs.monitor(plan, Summaries.measure(plan)).measure(plan);
    }
    for (int i = 0; i < CYCLES_PER_RUN; i++) {
      resolvePlan(request);
      cycleUnlessRefused();
      Workflow.sleep(Duration.ofMillis(plan.monitor().everyMillis()));
    }
    Workflow.continueAsNew(new MonitorRequest(request.target(), request.host(), false, state));
    return state.latest();
  }

  /** The plan afresh each cycle; a config broken meanwhile keeps the last good plan running. */
  private void resolvePlan(MonitorRequest request) {
    try {
      plan =
          HostActivityStubs.pipeline(request.host(), Step.PLAN.summary(null, request.target()))
              .resolvePlan(request.target());
    } catch (ActivityFailure e) {
      if (plan == null) {
        throw e;
      }
      Workflow.getLogger(MonitorWorkflowImpl.class)
          .warn("keeping the last plan: {}", FailureReason.of(e));
    }
  }

  @Override
  public MonitorState state() {
    return state;
  }

  /**
   * A cycle whose plan the host refused (its steward.yaml was edited between the plan and the
   * measurement, or cannot be read) is skipped, not the end of the monitor: the next cycle reads
   * the plan afresh. Its heartbeat is not sent either, so a config that stays broken shows offsite.
   */
  private void cycleUnlessRefused() {
    try {
      cycle();
    } catch (ActivityFailure e) {
      boolean refused =
          e.getCause() instanceof ApplicationFailure failure
              && FailureTypes.PLAN_REFUSED.equals(failure.getType());
      if (!refused
          || Workflow.getVersion("monitor-skips-refused-cycle", Workflow.DEFAULT_VERSION, 1) < 1) {
        throw e;
      }
      Workflow.getLogger(MonitorWorkflowImpl.class).warn("cycle skipped: {}", FailureReason.of(e));
    }
  }

  private void cycle() {
    Measurement m = HostActivityStubs.monitor(plan, Summaries.measure(plan)).measure(plan);
    heartbeat(m.up());
    List<String> alerts = new Alerts(plan).update(state.alerts(), m);
    MonitorGauges.record(plan.target(), m.metrics(), alerts);
    int downCount = m.up() ? 0 : state.downCount() + 1;
    String downSince = m.up() ? null : state.downSince() != null ? state.downSince() : m.time();
    state =
        new MonitorState(
            m,
            alerts,
            downCount,
            downSince,
            recentRecoveries(),
            state.lastRecovery(),
            state.cycles() + 1);
    if (downCount >= plan.monitor().downAfter()) {
      maybeRecover();
    }
  }

  /** The dead man's switch: a failed ping is the offsite monitor's business, never ours. */
  private void heartbeat(boolean up) {
    if (plan.monitor().heartbeatUrl() == null) {
      return;
    }
    try {
      HostActivityStubs.heartbeat(plan, Summaries.heartbeat(plan, up)).pingHeartbeat(plan, up);
    } catch (ActivityFailure e) {
      Workflow.getLogger(MonitorWorkflowImpl.class)
          .warn("heartbeat failed: {}", FailureReason.of(e));
    }
  }

  private void maybeRecover() {
    String refusal = recoveryRefusal();
    if (refusal != null) {
      Workflow.getLogger(MonitorWorkflowImpl.class)
          .info("not recovering {}: {}", plan.target(), refusal);
      return;
    }
    List<Long> recoveries = new ArrayList<>(state.recoveries());
    recoveries.add(Workflow.currentTimeMillis());
    String outcome = runRecovery();
    state =
        new MonitorState(
            state.latest(),
            state.alerts(),
            0,
            state.downSince(),
            recoveries,
            outcome,
            state.cycles());
  }

  /**
   * Why no recovery may start now, or null: the cool-down, the cap, or a hold a person must lift.
   */
  private String recoveryRefusal() {
    long now = Workflow.currentTimeMillis();
    List<Long> recent = recentRecoveries();
    if (!recent.isEmpty()
        && now - recent.get(recent.size() - 1) < plan.monitor().recoveryCooldownMillis()) {
      return "in the cool-down after the last recovery";
    }
    if (recent.size() >= plan.monitor().maxRecoveries()) {
      return recent.size() + " recoveries already in the window";
    }
    try {
      Hold hold = HostActivityStubs.holds(plan, Step.HOLD.summary(plan)).readHold(plan);
      return hold == null ? null : "on hold: " + hold.reason();
    } catch (ActivityFailure e) {
      return "cannot read the hold";
    }
  }

  private List<Long> recentRecoveries() {
    long since = Workflow.currentTimeMillis() - plan.monitor().recoveryWindowMillis();
    return state.recoveries().stream().filter(t -> t >= since).toList();
  }

  private String runRecovery() {
    String id =
        "recover/" + plan.target() + "/" + Instant.ofEpochMilli(Workflow.currentTimeMillis());
    ChildWorkflowOptions.Builder options =
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(id)
            .setTaskQueue(TaskQueues.WORKFLOWS)
            .setStaticSummary("Recover " + plan.target() + " (started by its monitor)");
    // A monitor that carries Steward's attributes is in a namespace that knows them: its
    // recoveries carry them too, so steward history lists them beside those a person started.
    if (Workflow.getTypedSearchAttributes().containsKey(StewardSearchAttributes.KIND)
        && Workflow.getVersion("monitor-recovery-attributes", Workflow.DEFAULT_VERSION, 1) >= 1) {
      options.setTypedSearchAttributes(
          StewardSearchAttributes.forNewRun(
              StewardSearchAttributes.KIND_RECOVERY, plan.target(), plan.host()));
    }
    RecoveryWorkflow recovery =
        Workflow.newChildWorkflowStub(RecoveryWorkflow.class, options.build());
    try {
      RecoveryResult result =
          recovery.recover(new RecoveryRequest(plan.target(), plan.host(), state.downSince()));
      return result.outcome() + " " + id;
    } catch (ChildWorkflowFailure e) {
      Notices.send(
          plan,
          Notices.of(
              plan,
              Notice.WARNING,
              plan.target() + ": recovery could not start",
              FailureReason.of(e),
              null));
      return "could not start " + id;
    }
  }
}
