package dev.steward.workflows.recovery;

import static dev.steward.workflows.fakes.Results.outcomeOf;
import static dev.steward.workflows.fakes.Results.stepsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.fakes.FakeHost;
import dev.steward.workflows.fakes.FakeService;
import dev.steward.workflows.fakes.TestPlans;
import dev.steward.workflows.host.FailureTypes;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A person's restore of a named snapshot against fake activities: the one rollback, with its
 * pre-restore copy, then the last known good release or a hold. The real restore of a real target
 * is in the cli's tests.
 */
class RestoreBranchesTest {
  private static final String NAME = "demo-1.tar.gz";

  @RegisterExtension
  static final TestWorkflowExtension temporal = FakeHost.extension(RestoreWorkflowImpl.class);

  @Test
  void a_restore_keeps_a_copy_puts_code_and_data_back_and_records_a_good_release(
      TestWorkflowEnvironment env, RestoreWorkflow run) {
    FakeHost host = FakeHost.startOn(env);

    RecoveryResult result = run.restore(request());

    assertEquals("rolled_back", outcomeOf(result));
    assertEquals(
        List.of(
            "plan ok",
            "lock ok",
            "find-snapshot ok",
            "rollback-stop ok",
            "pre-restore ok",
            "rollback-code ok",
            "rollback-data ok",
            "rollback-start ok",
            "rollback-health ok",
            "good-release ok"),
        stepsOf(result));
    assertEquals(List.of(TestPlans.OLD), host.code.resetTo(), "the snapshot's revision");
    assertEquals(TestPlans.PRE_RESTORE.file(), result.preRestoreSnapshot());
    assertTrue(result.message().contains(TestPlans.PRE_RESTORE.file()), result.message());
    assertEquals(1, host.calls.count("releaseLock"));
  }

  @Test
  void a_snapshot_the_host_does_not_know_fails_the_run_and_touches_nothing(
      TestWorkflowEnvironment env, RestoreWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    String why =
        "no snapshot nope.zip of demo in /var/snapshots; list them with `steward snapshots demo`";
    host.snapshots.named.fails(FailureTypes.SNAPSHOT_FAILED, why);

    WorkflowFailedException failed =
        assertThrows(WorkflowFailedException.class, () -> run.restore(request()));

    ApplicationFailure cause = (ApplicationFailure) failed.getCause();
    assertTrue(cause.getOriginalMessage().contains(why), cause.getOriginalMessage());
    for (String change :
        List.of("stopService", "takePreRestoreSnapshot", "resetCode", "restoreSnapshot")) {
      assertFalse(host.calls.has(change), change + " was called: " + host.calls.all());
    }
    assertEquals(1, host.calls.count("releaseLock"), "the lock is let go");
  }

  @Test
  void a_restore_that_leaves_the_service_down_holds_updates_and_names_the_copy(
      TestWorkflowEnvironment env, RestoreWorkflow run) {
    FakeHost host = FakeHost.startOn(env);
    host.service.health.always(FakeService.UNHEALTHY);

    RecoveryResult result = run.restore(request());

    assertEquals("failed", outcomeOf(result));
    assertEquals(1, host.holds.put().size());
    assertTrue(result.message().contains(TestPlans.PRE_RESTORE.file()), result.message());
    assertFalse(host.calls.has("markGoodRelease"));
  }

  private static RestoreRequest request() {
    return new RestoreRequest(TestPlans.TARGET, FakeHost.HOST, NAME);
  }
}
