package dev.steward.workflows.recovery;

import static dev.steward.workflows.fakes.Results.outcomeOf;
import static dev.steward.workflows.fakes.Results.stepsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.fakes.BrokenRollbackStep;
import dev.steward.workflows.fakes.FakeHost;
import dev.steward.workflows.fakes.FakeRecovery;
import dev.steward.workflows.fakes.FakeService;
import dev.steward.workflows.fakes.TestPlans;
import dev.steward.workflows.host.RecoveryPlan;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The recovery playbook's branches against fake activities, in workflow time: a provider's outage
 * waited out with backoff, the rollback's failing steps, escalation. The real-process
 * RecoveryWorkflowTest in worker/ keeps the paths where the service itself matters.
 */
class RecoveryBranchesTest {
  private static final Duration WAIT_FOR_PROVIDER = Duration.ofMinutes(20);

  @RegisterExtension
  static final TestWorkflowExtension temporal = FakeHost.extension(RecoveryWorkflowImpl.class);

  @Test
  void
      a_provider_outage_is_waited_out_with_doubling_backoff_capped_at_five_minutes_never_rolled_back(
          TestWorkflowEnvironment env, RecoveryWorkflow run) {
    FakeHost host = startWithProvider(env);
    host.service.health.always(FakeService.UNHEALTHY);
    host.recovery.provider.always(FakeRecovery.PROVIDER_DOWN);

    RecoveryResult result = run.recover(request());

    assertEquals("waiting_for_provider", outcomeOf(result));
    List<Duration> sleeps = timers(env, run);
    assertEquals(
        List.of(30L, 60L, 120L, 240L, 300L, 300L),
        sleeps.subList(0, 6).stream().map(Duration::toSeconds).toList(),
        sleeps.toString());
    assertEquals(7, sleeps.size(), "the last sleep is what is left of the wait: " + sleeps);
    assertTrue(sleeps.get(6).compareTo(Duration.ofSeconds(150)) <= 0, sleeps.toString());
    assertTrue(
        env.currentTimeMillis() - FakeHost.START.toEpochMilli() >= WAIT_FOR_PROVIDER.toMillis(),
        "waited the whole 20 min");
    assertEquals(8, host.calls.count("restartService"), "the first restart and one per sleep");
    for (String rollback : List.of("stopService", "resetCode", "restoreSnapshot", "putHold")) {
      assertFalse(host.calls.has(rollback), rollback + " was called: " + host.calls.all());
    }
  }

  @Test
  void a_service_that_comes_back_during_the_providers_outage_ends_restarted(
      TestWorkflowEnvironment env, RecoveryWorkflow run) {
    FakeHost host = startWithProvider(env);
    host.service.health.inTurn(FakeService.UNHEALTHY, FakeService.UNHEALTHY, FakeService.HEALTHY);
    host.recovery.provider.always(FakeRecovery.PROVIDER_DOWN);

    RecoveryResult result = run.recover(request());

    assertEquals("restarted", outcomeOf(result));
    assertEquals("restart after the provider's outage", result.recoveredBy());
    assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(60)), timers(env, run));
    assertEquals(3, host.calls.count("restartService"));
    assertFalse(host.calls.has("stopService"));
  }

  @Test
  void a_provider_that_is_fine_again_while_the_service_is_not_leads_to_the_rollback(
      TestWorkflowEnvironment env, RecoveryWorkflow run) {
    FakeHost host = startWithProvider(env);
    host.service.health.inTurn(FakeService.UNHEALTHY, FakeService.UNHEALTHY, FakeService.HEALTHY);
    host.recovery.provider.inTurn(FakeRecovery.PROVIDER_DOWN, FakeRecovery.PROVIDER_OK);

    RecoveryResult result = run.recover(request());

    assertEquals("rolled_back", outcomeOf(result));
    assertEquals(List.of(Duration.ofSeconds(30)), timers(env, run));
    assertEquals(List.of(TestPlans.OLD), host.code.resetTo());
  }

  @Test
  void a_healthy_service_is_left_alone(TestWorkflowEnvironment env, RecoveryWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.recovery.probe.always(FakeService.HEALTHY);

    RecoveryResult result = run.recover(request());

    assertEquals("was_healthy", outcomeOf(result));
    assertEquals(List.of("plan ok", "lock ok", "confirm ok"), stepsOf(result));
    assertFalse(host.calls.has("restartService"));
  }

  @ParameterizedTest
  @EnumSource(BrokenRollbackStep.class)
  void a_failed_rollback_step_leaves_the_others_attempted_and_a_broken_target_held(
      BrokenRollbackStep broken, TestWorkflowEnvironment env, RecoveryWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.service.health.inTurn(FakeService.UNHEALTHY, FakeService.HEALTHY);
    broken.breakOn(host);

    RecoveryResult result = run.recover(request());

    List<String> steps = stepsOf(result);
    int first = steps.indexOf("find-snapshot ok") + 1;
    assertEquals(broken.expectedSteps(), steps.subList(first, first + 6), steps.toString());
    assertEquals(1, host.calls.count("stopService"));
    assertEquals(1, host.calls.count("resetCode"));
    assertEquals(broken.dataRestores(), host.calls.count("restoreSnapshot"));
    assertEquals(2, host.calls.count("restartService"), "the playbook's and the rollback's");
    if (broken.stillHealthy()) {
      assertEquals("rolled_back", outcomeOf(result));
      assertTrue(host.holds.put().isEmpty(), "a healthy rollback holds nothing");
    } else {
      assertEquals("failed", outcomeOf(result));
      assertEquals(
          List.of("evidence ok", "hold ok"), steps.subList(steps.size() - 2, steps.size()));
      assertEquals(1, host.holds.put().size());
    }
  }

  @Test
  void no_verified_snapshot_escalates_and_holds_updates_without_touching_the_service_again(
      TestWorkflowEnvironment env, RecoveryWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.service.health.always(FakeService.UNHEALTHY);
    host.snapshots.newest.always(null);

    RecoveryResult result = run.recover(request());

    assertEquals("failed", outcomeOf(result));
    assertEquals(
        List.of(
            "plan ok",
            "lock ok",
            "confirm ok",
            "restart ok",
            "health failed",
            "evidence ok",
            "last-good ok",
            "find-snapshot ok",
            "hold ok"),
        stepsOf(result));
    assertTrue(host.holds.put().get(0).reason().contains("no verified snapshot"));
    assertFalse(host.calls.has("stopService"));
    assertEquals(1, host.calls.count("restartService"));
  }

  @Test
  void a_checkout_off_its_last_known_good_goes_back_to_it_with_the_data_as_it_is(
      TestWorkflowEnvironment env, RecoveryWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.service.health.inTurn(FakeService.UNHEALTHY, FakeService.HEALTHY);
    host.status.good.always(TestPlans.GOOD); // NEW was verified; the checkout is at OLD.

    RecoveryResult result = run.recover(request());

    assertEquals("rolled_back", outcomeOf(result));
    assertEquals("code back to the last known good 2222222", result.recoveredBy());
    assertEquals(List.of(TestPlans.NEW), host.code.resetTo());
    List<String> steps = stepsOf(result);
    assertEquals(
        List.of(
            "last-good ok",
            "revision ok",
            "good-code ok",
            "good-restart ok",
            "good-health ok",
            "good-release ok"),
        steps.subList(steps.indexOf("evidence ok") + 1, steps.size()));
    for (String data : List.of("stopService", "takePreRestoreSnapshot", "restoreSnapshot")) {
      assertFalse(host.calls.has(data), data + " was called: " + host.calls.all());
    }
    assertNull(result.preRestoreSnapshot());
  }

  @Test
  void when_the_last_known_good_code_cannot_come_up_the_snapshot_is_restored_after_a_copy(
      TestWorkflowEnvironment env, RecoveryWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.service.health.inTurn(FakeService.UNHEALTHY, FakeService.UNHEALTHY, FakeService.HEALTHY);
    host.status.good.always(TestPlans.GOOD);

    RecoveryResult result = run.recover(request());

    assertEquals("rolled_back", outcomeOf(result));
    assertEquals(List.of(TestPlans.NEW, TestPlans.OLD), host.code.resetTo());
    List<String> steps = stepsOf(result);
    assertTrue(steps.contains("good-health failed"), steps.toString());
    List<String> calls = host.calls.all();
    assertTrue(
        calls.indexOf("takePreRestoreSnapshot") < calls.indexOf("restoreSnapshot"),
        "the copy comes before the restore: " + calls);
    assertEquals(TestPlans.PRE_RESTORE.file(), result.preRestoreSnapshot());
    assertTrue(result.message().contains(TestPlans.PRE_RESTORE.file()), result.message());
    assertEquals("good-release ok", steps.get(steps.size() - 1));
  }

  @Test
  void a_checkout_already_at_its_last_known_good_starts_at_the_snapshot(
      TestWorkflowEnvironment env, RecoveryWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.service.health.inTurn(FakeService.UNHEALTHY, FakeService.HEALTHY);
    host.status.good.always(TestPlans.GOOD);
    host.code.revision.always(TestPlans.NEW);

    RecoveryResult result = run.recover(request());

    assertEquals("rolled_back", outcomeOf(result));
    assertTrue(stepsOf(result).contains("good-code skipped"), stepsOf(result).toString());
    assertEquals(List.of(TestPlans.OLD), host.code.resetTo(), "only the snapshot's revision");
    assertEquals(1, host.calls.count("restoreSnapshot"));
  }

  @Test
  void an_escalation_names_the_snapshot_that_holds_the_data_the_restore_replaced(
      TestWorkflowEnvironment env, RecoveryWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.service.health.always(FakeService.UNHEALTHY);

    RecoveryResult result = run.recover(request());

    assertEquals("failed", outcomeOf(result));
    assertEquals(TestPlans.PRE_RESTORE.file(), result.preRestoreSnapshot());
    assertTrue(
        result
            .message()
            .contains(
                "the data as it was before the restore is in " + TestPlans.PRE_RESTORE.file()),
        result.message());
    assertFalse(host.calls.has("markGoodRelease"), "nothing came back healthy");
  }

  @Test
  void a_restart_that_brings_the_service_back_records_it_as_the_last_known_good(
      TestWorkflowEnvironment env, RecoveryWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.service.health.always(FakeService.HEALTHY);
    host.recovery.probe.always(FakeService.UNHEALTHY);

    RecoveryResult result = run.recover(request());

    assertEquals("restarted", outcomeOf(result));
    assertEquals(1, host.calls.count("markGoodRelease"));
    assertFalse(host.calls.has("readGoodRelease"), "the ladder is not climbed");
  }

  private static FakeHost startWithProvider(TestWorkflowEnvironment env) {
    FakeHost host = FakeHost.startOn(env);
    host.pipeline.plan.always(
        TestPlans.withRecovery(
            new RecoveryPlan(
                "https://status.example.com/api/v2/status.json",
                WAIT_FOR_PROVIDER.toMillis(),
                List.of())));
    return host;
  }

  private static RecoveryRequest request() {
    return new RecoveryRequest(TestPlans.TARGET, FakeHost.HOST, null);
  }

  /** The run's sleeps, as its history recorded the timers. */
  private static List<Duration> timers(TestWorkflowEnvironment env, RecoveryWorkflow run) {
    String id = WorkflowStub.fromTyped(run).getExecution().getWorkflowId();
    return env.getWorkflowClient().fetchHistory(id).getEvents().stream()
        .filter(HistoryEvent::hasTimerStartedEventAttributes)
        .map(e -> e.getTimerStartedEventAttributes().getStartToFireTimeout())
        .map(d -> Duration.ofSeconds(d.getSeconds(), d.getNanos()))
        .toList();
  }
}
