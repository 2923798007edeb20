package dev.steward.workflows.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.fakes.FakeHost;
import dev.steward.workflows.fakes.FakeMonitor;
import dev.steward.workflows.fakes.TestPlans;
import dev.steward.workflows.host.Hold;
import dev.steward.workflows.host.MonitorPlan;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The monitor's recovery rules against fake activities, in workflow time: a recovery after {@code
 * downAfter} down measurements, none within the cool-down, at most {@code maxRecoveries} in the
 * window, none while the target is held. Its recoveries run the real playbook as children.
 */
class MonitorBranchesTest {
  private static final Duration COOL_DOWN = Duration.ofMinutes(5);

  @RegisterExtension
  static final TestWorkflowExtension temporal = FakeHost.extension(MonitorWorkflowImpl.class);

  @Test
  void a_service_that_stays_down_gets_a_recovery_per_cool_down_and_no_more_than_the_cap(
      TestWorkflowEnvironment env, MonitorWorkflow run) throws Exception {
    FakeHost host = FakeHost.startOn(env);
    host.pipeline.plan.always(TestPlans.withMonitor(everyMinute(COOL_DOWN, 2)));
    host.monitor.measure.always(FakeMonitor.DOWN);

    WorkflowClient.start(run::monitor, request());
    // The state counts a cycle before the recovery it starts has ended, so wait for its outcome.
    MonitorState first = awaitState(env, run, s -> s.cycles() >= 2 && s.lastRecovery() != null);
    MonitorState coolingDown = awaitState(env, run, s -> s.cycles() >= 4);
    MonitorState capped = awaitState(env, run, s -> s.cycles() >= 30);

    assertEquals(1, first.recoveries().size(), "after two down measurements: " + first);
    assertTrue(first.lastRecovery().startsWith("restarted recover/demo/"), first.toString());
    assertEquals(1, coolingDown.recoveries().size(), "none within the cool-down");
    assertEquals(2, capped.recoveries().size(), "two in the window at most: " + capped);
    List<Long> at = capped.recoveries();
    assertTrue(at.get(1) - at.get(0) >= COOL_DOWN.toMillis(), at.toString());
    assertEquals(2, host.calls.count("probeService"), "each recovery confirms once");
  }

  @Test
  void a_held_target_is_measured_but_never_recovered(
      TestWorkflowEnvironment env, MonitorWorkflow run) throws Exception {
    FakeHost host = FakeHost.startOn(env);
    host.monitor.measure.always(FakeMonitor.DOWN);
    host.holds.current.always(new Hold("investigating", "2026-05-31T20:00:00Z", "cli"));

    WorkflowClient.start(run::monitor, request());
    MonitorState state = awaitState(env, run, s -> s.cycles() >= 5);

    assertTrue(state.recoveries().isEmpty(), state.toString());
    assertTrue(host.calls.count("readHold") >= 3, host.calls.all().toString());
    assertTrue(state.alerts().contains("up"), "the down service is alerted: " + state);
  }

  /** A measurement a minute, a recovery after two down ones, the cool-down and the cap given. */
  private static MonitorPlan everyMinute(Duration coolDown, int maxRecoveries) {
    MonitorPlan d = MonitorPlan.DEFAULTS;
    return new MonitorPlan(
        60_000,
        2,
        d.diskFreeMinPercent(),
        d.memoryMaxBytes(),
        d.errorWindowMillis(),
        d.errorRateMaxPercent(),
        null,
        null,
        null,
        coolDown.toMillis(),
        maxRecoveries,
        Duration.ofHours(6).toMillis(),
        null);
  }

  private static MonitorRequest request() {
    return new MonitorRequest(TestPlans.TARGET, FakeHost.HOST, false, null);
  }

  /**
   * Lets workflow time pass a minute at a time until the monitor's state satisfies {@code
   * condition}; the bound protects against a hang only.
   */
  private static MonitorState awaitState(
      TestWorkflowEnvironment env, MonitorWorkflow run, Predicate<MonitorState> condition)
      throws InterruptedException {
    MonitorState state = null;
    for (int minute = 0; minute < 600; minute++) {
      state = run.state();
      if (state != null && state.latest() != null && condition.test(state)) {
        return state;
      }
      env.sleep(Duration.ofMinutes(1));
    }
    throw new AssertionError("the monitor never reached the state; last: " + state);
  }
}
