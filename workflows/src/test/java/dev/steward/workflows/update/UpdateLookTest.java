package dev.steward.workflows.update;

import static dev.steward.workflows.fakes.Results.outcomeOf;
import static dev.steward.workflows.fakes.Results.stepsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.fakes.FakeHost;
import dev.steward.workflows.fakes.TestPlans;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.TargetPlan.UpdatePlan;
import dev.steward.workflows.host.UpdateCheck;
import dev.steward.workflows.pipeline.Pipeline;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The look before the snapshot: the usual night, with nothing new, costs no snapshot. */
class UpdateLookTest {
  private static final List<String> CHANGES =
      List.of(
          "checkDisk",
          "takeSnapshot",
          "pruneSnapshots",
          "updateCode",
          "updateCodeTo",
          "restartService");

  @RegisterExtension
  static final TestWorkflowExtension temporal = FakeHost.extension(UpdateWorkflowImpl.class);

  @Test
  void nothing_new_upstream_ends_unchanged_at_once_without_disk_check_snapshot_or_prune(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.code.look.always(new UpdateCheck(TestPlans.OLD, TestPlans.OLD, false, List.of()));

    UpdateResult result = run.update(request());

    assertEquals("unchanged", outcomeOf(result));
    assertEquals(
        List.of("plan ok", "lock ok", "hold ok", "check ok", "status ok"), stepsOf(result));
    assertEquals("already at 1111111", result.message());
    assertEquals(TestPlans.OLD, result.toRevision());
    for (String change : CHANGES) {
      assertFalse(host.calls.has(change), change + " was called: " + host.calls.all());
    }
    assertEquals(1, host.status.written().size(), "the night's status line, nothing else");
    assertEquals("success", host.status.written().get(0).status());
    assertEquals(TestPlans.OLD, host.status.written().get(0).postRevision());
    assertTrue(host.calls.has("releaseLock"));
  }

  @Test
  void something_new_goes_the_usual_way_after_the_look_and_moves_to_exactly_what_it_found(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);

    UpdateResult result = run.update(request());

    assertEquals("updated", outcomeOf(result));
    assertEquals(
        UpdateBranchesTest.prefix("patches skipped").subList(3, 7),
        stepsOf(result).subList(3, 7),
        "check, disk, revision, snapshot");
    List<String> calls = host.calls.all();
    assertTrue(calls.indexOf("checkForUpdate") < calls.indexOf("checkDisk"), calls.toString());
    assertEquals(List.of(TestPlans.NEW), host.code.updatedTo());
    assertFalse(host.calls.has("updateCode"), "the look's revision, not the remote's newest");
    assertEquals(1, host.calls.count("takeSnapshot"));
  }

  @Test
  void a_missing_patch_is_something_to_apply_even_when_the_code_is_current(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.code.look.always(
        new UpdateCheck(TestPlans.OLD, TestPlans.OLD, false, List.of("kwargs-fix")));

    UpdateResult result = run.update(request());

    assertEquals(1, host.calls.count("takeSnapshot"), host.calls.all().toString());
    assertTrue(stepsOf(result).contains("snapshot ok"), stepsOf(result).toString());
    assertTrue(host.calls.has("writeStatus"));
  }

  @Test
  void a_failed_check_fails_the_run_before_anything_is_changed(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.code.look.fails(FailureTypes.COMMAND_FAILED, "check command exited 2: no route to host");

    UpdateResult result = run.update(request());

    assertEquals("failed", outcomeOf(result));
    assertEquals(
        List.of("plan ok", "lock ok", "hold ok", "check failed", "status ok"), stepsOf(result));
    assertEquals(
        "check failed: check command exited 2: no route to host; nothing was changed",
        result.message());
    assertFalse(host.calls.has("checkDisk"));
    assertFalse(host.calls.has("takeSnapshot"));
    assertTrue(host.calls.has("releaseLock"));
  }

  @Test
  void a_command_update_without_a_check_runs_as_before_without_looking(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.pipeline.plan.always(
        TestPlans.withUpdate(
            new UpdatePlan(null, null, List.of("./update.sh"), List.of(), 300, 0, List.of())));

    UpdateResult result = run.update(request());

    assertEquals("updated", outcomeOf(result));
    assertEquals(
        List.of("plan ok", "lock ok", "hold ok", "disk ok"), stepsOf(result).subList(0, 4));
    assertFalse(host.calls.has("checkForUpdate"));
    assertTrue(host.calls.has("updateCode"));
  }

  @Test
  void a_command_update_whose_check_finds_nothing_ends_unchanged_at_once(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.pipeline.plan.always(
        TestPlans.withUpdate(
            new UpdatePlan(
                null, null, List.of("./update.sh"), List.of(), 300, 0, List.of("./check.sh"))));
    host.code.look.always(new UpdateCheck(TestPlans.OLD, null, false, List.of()));

    UpdateResult result = run.update(request());

    assertEquals("unchanged", outcomeOf(result));
    assertEquals(
        List.of("plan ok", "lock ok", "hold ok", "check ok", "status ok"), stepsOf(result));
    assertFalse(host.calls.has("takeSnapshot"));
  }

  @Test
  void the_look_counts_in_the_planned_steps_only_of_a_plan_that_can_look() {
    UpdatePlan noCheck = new UpdatePlan(null, null, List.of("./update.sh"), List.of(), 300);

    assertEquals(13, Pipeline.UPDATE.plannedSteps(TestPlans.plan()), "git: check counts");
    assertEquals(12, Pipeline.UPDATE.plannedSteps(TestPlans.withUpdate(noCheck)));
  }

  private static UpdateRequest request() {
    return new UpdateRequest(TestPlans.TARGET, FakeHost.HOST);
  }
}
