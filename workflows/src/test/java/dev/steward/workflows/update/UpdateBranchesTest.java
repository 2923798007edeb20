package dev.steward.workflows.update;

import static dev.steward.workflows.fakes.Results.awaitRunning;
import static dev.steward.workflows.fakes.Results.outcomeOf;
import static dev.steward.workflows.fakes.Results.stepsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.fakes.FakeHost;
import dev.steward.workflows.fakes.TestPlans;
import dev.steward.workflows.host.CodeUpdate;
import dev.steward.workflows.host.ControlPlan;
import dev.steward.workflows.host.ControlPlan.ApprovalPlan;
import dev.steward.workflows.host.ControlPlan.WindowPlan;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.Hold;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The update pipeline's branches against fake activities, in workflow time: approval, the
 * maintenance window, the disk check, a hold, unchanged code. The real-process UpdateWorkflowTest
 * in worker/ keeps the paths where the host itself matters.
 */
class UpdateBranchesTest {
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final List<String> ROLLBACK_OK =
      List.of(
          "rollback-stop ok",
          "pre-restore ok",
          "rollback-code ok",
          "rollback-data ok",
          "rollback-start ok",
          "rollback-health ok");

  @RegisterExtension
  static final TestWorkflowExtension temporal = FakeHost.extension(UpdateWorkflowImpl.class);

  @Test
  void a_rejected_approval_rolls_back_without_restarting_the_new_release(
      TestWorkflowEnvironment env, UpdateWorkflow run) throws Exception {
    FakeHost host = FakeHost.startOn(env);
    host.pipeline.plan.always(
        TestPlans.withControls(new ControlPlan(null, new ApprovalPlan(HOUR))));

    WorkflowClient.start(run::update, request());
    awaitRunning(run::progress, "approval");
    run.decide(new ApprovalDecision(false, "alice", "not tonight"));
    UpdateResult result = WorkflowStub.fromTyped(run).getResult(UpdateResult.class);

    assertEquals("rolled_back", outcomeOf(result));
    assertEquals(
        concat(
            prefix("approval failed"),
            ROLLBACK_OK,
            List.of("prune ok", "good-release ok", "status ok")),
        stepsOf(result));
    assertTrue(result.message().contains("rejected by alice: not tonight"), result.message());
    assertEquals(1, host.calls.count("restartService"), "only the rollback's start");
    assertEquals(List.of(TestPlans.OLD), host.code.resetTo());
    assertTrue(host.holds.put().isEmpty(), "a healthy rollback holds nothing");
  }

  @Test
  void an_approval_that_never_comes_rolls_back_once_its_timeout_has_passed(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.pipeline.plan.always(
        TestPlans.withControls(new ControlPlan(null, new ApprovalPlan(HOUR))));

    UpdateResult result = run.update(request());

    assertEquals("rolled_back", outcomeOf(result));
    assertTrue(stepsOf(result).contains("approval failed"), stepsOf(result).toString());
    assertTrue(result.message().contains("no approval within 60 min"), result.message());
    assertTrue(env.currentTimeMillis() - FakeHost.START.toEpochMilli() >= HOUR, "waited an hour");
    assertEquals(1, host.calls.count("restartService"), "only the rollback's start");
  }

  @Test
  void a_window_that_closes_while_approval_is_awaited_rolls_back_instead_of_restarting(
      TestWorkflowEnvironment env, UpdateWorkflow run) throws Exception {
    FakeHost host = FakeHost.startOn(env);
    WindowPlan mondayNight = new WindowPlan(List.of("mon"), "02:00", "03:00", "UTC");
    host.pipeline.plan.always(
        TestPlans.withControls(new ControlPlan(mondayNight, new ApprovalPlan(2 * HOUR))));

    WorkflowClient.start(run::update, request());
    awaitRunning(run::progress, "approval");
    env.sleep(Duration.ofMinutes(45)); // 03:15: the window has closed
    run.decide(new ApprovalDecision(true, "alice", null));
    UpdateResult result = WorkflowStub.fromTyped(run).getResult(UpdateResult.class);

    assertEquals("rolled_back", outcomeOf(result));
    assertEquals(
        concat(prefix("approval ok"), List.of("window failed"), ROLLBACK_OK),
        stepsOf(result).subList(0, 17));
    assertTrue(result.message().contains("window closed before restart"), result.message());
    assertEquals(1, host.calls.count("restartService"), "only the rollback's start");
  }

  @Test
  void a_run_outside_the_window_told_not_to_wait_is_skipped_and_takes_no_lock(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    WindowPlan tuesdayNight = new WindowPlan(List.of("tue"), "02:00", "03:00", "UTC");
    host.pipeline.plan.always(TestPlans.withControls(new ControlPlan(tuesdayNight, null)));

    UpdateResult result = run.update(new UpdateRequest(TestPlans.TARGET, FakeHost.HOST, false));

    assertEquals("skipped", outcomeOf(result));
    assertEquals(List.of("plan ok", "window skipped"), stepsOf(result));
    assertEquals(List.of("resolvePlan"), host.calls.all());
  }

  @Test
  void a_scheduled_run_outside_the_window_waits_for_it_to_open_and_then_updates(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    WindowPlan tuesdayNight = new WindowPlan(List.of("tue"), "02:00", "03:00", "UTC");
    host.pipeline.plan.always(TestPlans.withControls(new ControlPlan(tuesdayNight, null)));

    UpdateResult result = run.update(request());

    assertEquals("updated", outcomeOf(result));
    assertEquals(List.of("plan ok", "window ok", "lock ok"), stepsOf(result).subList(0, 3));
    assertFalse(
        Instant.ofEpochMilli(env.currentTimeMillis())
            .isBefore(Instant.parse("2026-06-02T02:00:00Z")),
        "waited until Tuesday 02:00");
    assertEquals(1, host.calls.count("restartService"));
  }

  @Test
  void a_disk_below_its_minimum_fails_the_run_before_anything_is_changed(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.disk.check.fails(FailureTypes.DISK_LOW, "/var/lib: 100 MB free, 1.0 GB needed");

    UpdateResult result = run.update(request());

    assertEquals("failed", outcomeOf(result));
    assertEquals(
        List.of("plan ok", "lock ok", "hold ok", "check ok", "disk failed", "status ok"),
        stepsOf(result));
    assertTrue(result.message().endsWith("nothing was changed"), result.message());
    for (String change :
        List.of(
            "takeSnapshot",
            "updateCode",
            "updateCodeTo",
            "restartService",
            "stopService",
            "resetCode")) {
      assertFalse(host.calls.has(change), change + " was called: " + host.calls.all());
    }
    assertTrue(host.holds.put().isEmpty());
    assertTrue(host.calls.has("releaseLock"));
  }

  @Test
  void a_held_target_ends_held_without_checking_the_disk_and_names_how_to_release_it(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.holds.current.always(new Hold("investigating", "2026-05-31T20:00:00Z", "cli"));

    UpdateResult result = run.update(request());

    assertEquals("held", outcomeOf(result));
    assertEquals(List.of("plan ok", "lock ok", "hold ok"), stepsOf(result));
    assertTrue(result.message().contains("steward release demo"), result.message());
    assertEquals(
        List.of("resolvePlan", "acquireLock", "readHold", "releaseLock"), host.calls.all());
  }

  @Test
  void code_that_did_not_move_skips_restart_and_health(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.code.update.always(new CodeUpdate(TestPlans.OLD, TestPlans.OLD, false, "up to date"));

    UpdateResult result = run.update(request());

    assertEquals("unchanged", outcomeOf(result));
    assertEquals(
        concat(
            prefix("patches skipped"),
            List.of("restart skipped", "health skipped", "prune ok", "status ok")),
        stepsOf(result));
    assertFalse(host.calls.has("restartService"));
    assertFalse(host.calls.has("verifyHealth"));
    assertEquals("success", host.status.written().get(0).status());
  }

  private static UpdateRequest request() {
    return new UpdateRequest(TestPlans.TARGET, FakeHost.HOST);
  }

  /** The steps every run that reaches its update makes, then {@code last}. */
  static List<String> prefix(String last) {
    List<String> steps =
        List.of(
            "plan ok",
            "lock ok",
            "hold ok",
            "check ok",
            "disk ok",
            "revision ok",
            "snapshot ok",
            "update ok",
            "patches skipped");
    return last.equals("patches skipped") ? steps : concat(steps, List.of(last));
  }

  @SafeVarargs
  static List<String> concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> part : parts) {
      all.addAll(part);
    }
    return List.copyOf(all);
  }
}
