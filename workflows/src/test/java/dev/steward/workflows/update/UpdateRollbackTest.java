package dev.steward.workflows.update;

import static dev.steward.workflows.fakes.Results.outcomeOf;
import static dev.steward.workflows.fakes.Results.stepsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.fakes.BrokenRollbackStep;
import dev.steward.workflows.fakes.FakeHost;
import dev.steward.workflows.fakes.FakeService;
import dev.steward.workflows.fakes.TestPlans;
import dev.steward.workflows.host.FailureTypes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The update pipeline's rollback against fake activities: every step is attempted even when an
 * earlier one failed, and a rollback that leaves the target broken puts updates on hold. The new
 * release fails its health check; the rollback's own health check passes unless it is the step that
 * breaks.
 */
class UpdateRollbackTest {
  @RegisterExtension
  static final TestWorkflowExtension temporal = FakeHost.extension(UpdateWorkflowImpl.class);

  @Test
  void a_failed_update_command_rolls_code_and_data_back_and_ends_rolled_back(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.code.update.fails(FailureTypes.COMMAND_FAILED, "npm ci exited 1");

    UpdateResult result = run.update(request());

    assertEquals("rolled_back", outcomeOf(result));
    assertTrue(result.rolledBack());
    assertEquals(List.of(TestPlans.OLD), host.code.resetTo());
    assertEquals(1, host.calls.count("restoreSnapshot"));
    assertEquals("rollback", host.status.written().get(0).status());
    assertTrue(host.holds.put().isEmpty());
  }

  @Test
  void the_rollback_keeps_the_state_the_failed_release_left_before_restoring_the_snapshot(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.service.health.inTurn(FakeService.UNHEALTHY, FakeService.HEALTHY);

    UpdateResult result = run.update(request());

    assertEquals("rolled_back", outcomeOf(result));
    List<String> calls = host.calls.all();
    assertTrue(
        calls.indexOf("stopService") < calls.indexOf("takePreRestoreSnapshot")
            && calls.indexOf("takePreRestoreSnapshot") < calls.indexOf("restoreSnapshot"),
        "stopped, kept, then restored: " + calls);
    assertEquals(TestPlans.PRE_RESTORE.file(), result.preRestoreSnapshot());
    assertTrue(result.message().contains(TestPlans.PRE_RESTORE.file()), result.message());
    assertEquals(1, host.calls.count("markGoodRelease"), "a healthy rollback is a good release");
  }

  @Test
  void an_update_that_ends_healthy_records_its_release_as_the_last_known_good(
      TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);

    UpdateResult result = run.update(request());

    assertEquals("updated", outcomeOf(result));
    List<String> steps = stepsOf(result);
    assertEquals(
        List.of("good-release ok", "status ok"), steps.subList(steps.size() - 2, steps.size()));
    assertFalse(host.calls.has("takePreRestoreSnapshot"));
    assertNull(result.preRestoreSnapshot());
  }

  @ParameterizedTest
  @EnumSource(BrokenRollbackStep.class)
  void a_failed_rollback_step_leaves_the_others_attempted_and_a_broken_target_held(
      BrokenRollbackStep broken, TestWorkflowEnvironment env, UpdateWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.service.health.inTurn(FakeService.UNHEALTHY, FakeService.HEALTHY);
    broken.breakOn(host);

    UpdateResult result = run.update(request());

    List<String> steps = stepsOf(result);
    int first = steps.indexOf("health failed") + 1;
    assertEquals(broken.expectedSteps(), steps.subList(first, first + 6), steps.toString());
    assertTrue(result.rolledBack());
    assertEquals(1, host.calls.count("stopService"));
    assertEquals(1, host.calls.count("resetCode"));
    assertEquals(broken.dataRestores(), host.calls.count("restoreSnapshot"));
    assertEquals(2, host.calls.count("restartService"), "the new release's and the rollback's");
    if (broken.stillHealthy()) {
      assertEquals("rolled_back", outcomeOf(result));
      assertTrue(host.holds.put().isEmpty(), "a healthy rollback holds nothing");
    } else {
      assertEquals("failed", outcomeOf(result));
      assertEquals(List.of("status ok", "hold ok"), steps.subList(steps.size() - 2, steps.size()));
      assertEquals(1, host.holds.put().size());
      assertEquals(result.message(), host.holds.put().get(0).reason());
      assertEquals("failed", host.status.written().get(0).status());
    }
  }

  private static UpdateRequest request() {
    return new UpdateRequest(TestPlans.TARGET, FakeHost.HOST);
  }
}
