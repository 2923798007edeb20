package dev.steward.worker.fleet;

import static dev.steward.worker.fleet.RolloutHostsInTests.host;
import static dev.steward.worker.fleet.RolloutHostsInTests.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.Await;
import dev.steward.workflows.fleet.BudgetAction;
import dev.steward.workflows.fleet.FleetApproval;
import dev.steward.workflows.fleet.FleetOutcome;
import dev.steward.workflows.fleet.FleetRolloutResult;
import dev.steward.workflows.fleet.FleetRolloutStatus;
import dev.steward.workflows.fleet.FleetRolloutWorkflow;
import dev.steward.workflows.fleet.HostState;
import dev.steward.workflows.update.ApprovalDecision;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person's hand on a rollout, end to end on real hosts: the approval gate after the canary, a
 * rejection that reverts it, pause and resume mid-batch, abort with revert.
 */
class FleetRolloutControlsTest {
  private static final Duration LONG = Duration.ofMinutes(3);
  private static final Duration PICKUP = Duration.ofSeconds(30);
  private static final List<List<String>> CANARY_THEN_TWO =
      List.of(List.of("vps-1"), List.of("vps-2", "vps-3"));

  @TempDir Path tmp;
  private FleetHarness fleet;

  @AfterEach
  void stopEverything(TestInfo test) throws Exception {
    if (fleet != null) {
      fleet.close(test);
    }
  }

  @Test
  void after_the_canary_nothing_more_starts_until_a_person_approves() throws Exception {
    fleet = new FleetHarness(tmp, 3).startWorkers();
    String old = fleet.target("vps-2").revision();
    String v2 = fleet.publish("healthy v2");
    fleet.fleet(
        CANARY_THEN_TWO,
        2,
        Duration.ZERO,
        0,
        FleetApproval.AFTER_CANARY,
        BudgetAction.HALT,
        PICKUP);

    FleetRolloutWorkflow rollout = fleet.start(null);
    FleetRolloutStatus gate = awaitPhase(rollout, "awaiting-approval");

    assertEquals(HostState.UPDATED, state(gate, "vps-1"));
    assertEquals(HostState.WAITING, state(gate, "vps-2"));
    assertEquals(HostState.WAITING, state(gate, "vps-3"));
    assertThrows(
        WorkflowNotFoundException.class,
        () ->
            fleet
                .env
                .getWorkflowClient()
                .newUntypedWorkflowStub(fleet.lastWorkflowId + "/vps-2")
                .describe());
    assertEquals(old, fleet.target("vps-2").revision());
    assertEquals(
        "approved by ops: batch 2 of 2 starts",
        rollout.approve(new ApprovalDecision(true, "ops", null)));
    FleetRolloutResult result = fleet.result(rollout);

    assertEquals(FleetOutcome.UPDATED, result.outcome(), result.message());
    for (String host : fleet.targets.keySet()) {
      assertEquals(v2, fleet.target(host).revision(), host);
    }
  }

  @Test
  void a_rejection_after_the_canary_reverts_the_canary_code_and_data() throws Exception {
    fleet = new FleetHarness(tmp, 3).startWorkers();
    String old = fleet.target("vps-1").revision();
    String data = fleet.target("vps-1").stateDigest();
    fleet.publish("migrate v2");
    fleet.fleet(
        CANARY_THEN_TWO,
        2,
        Duration.ZERO,
        0,
        FleetApproval.AFTER_CANARY,
        BudgetAction.HALT,
        PICKUP);

    FleetRolloutWorkflow rollout = fleet.start(null);
    awaitPhase(rollout, "awaiting-approval");
    assertTrue(Files.exists(fleet.target("vps-1").state().resolve("new-index.db")), "migrated");
    String answer = rollout.approve(new ApprovalDecision(false, "ops", "the canary is slow"));
    FleetRolloutResult result = fleet.result(rollout);

    assertEquals("rejected by ops: reverting the 1 hosts this rollout updated", answer);
    assertEquals(FleetOutcome.REVERTED, result.outcome(), result.message());
    assertTrue(
        result.message().startsWith("reverted (rejected by ops: the canary is slow): 1 hosts back"),
        result.message());
    assertEquals(HostState.REVERTED, host(result, "vps-1").state());
    assertEquals(HostState.WAITING, host(result, "vps-2").state());
    assertEquals(old, fleet.target("vps-1").revision());
    assertEquals(data, fleet.target("vps-1").stateDigest(), "the canary's data, byte for byte");
  }

  @Test
  void a_paused_rollout_starts_no_more_hosts_until_resumed() throws Exception {
    fleet = new FleetHarness(tmp, 3).startWorkers();
    String v2 = fleet.publish("healthy v2");
    fleet.fleet(
        List.of(List.of("vps-1", "vps-2", "vps-3")),
        1,
        Duration.ZERO,
        0,
        FleetApproval.NONE,
        BudgetAction.HALT,
        PICKUP);

    FleetRolloutWorkflow rollout = fleet.start(null);
    Await.until(
        "vps-1 updating",
        LONG,
        () -> state(rollout.status(), "vps-1") == HostState.UPDATING,
        () -> rollout.status().toString());
    assertTrue(rollout.pause().startsWith("paused: no more hosts start"));
    FleetRolloutStatus paused =
        Await.value(
            "the update under way to finish",
            LONG,
            () -> {
              FleetRolloutStatus now = rollout.status();
              return now.hosts().stream().anyMatch(h -> h.state() == HostState.UPDATING)
                  ? null
                  : now;
            },
            () -> rollout.status().toString());

    assertEquals("paused", paused.phase());
    assertEquals(HostState.UPDATED, state(paused, "vps-1"));
    assertEquals(HostState.WAITING, state(paused, "vps-3"), paused.toString());
    WorkflowUpdateException again = assertThrows(WorkflowUpdateException.class, rollout::pause);
    assertTrue(
        String.valueOf(again.getCause().getMessage()).contains("already paused"), again.toString());
    WorkflowUpdateException notAtGate =
        assertThrows(
            WorkflowUpdateException.class,
            () -> rollout.approve(new ApprovalDecision(true, "ops", null)));
    assertTrue(
        String.valueOf(notAtGate.getCause().getMessage()).contains("not waiting for approval"));
    assertEquals("resumed: hosts start again", rollout.resume());
    FleetRolloutResult result = fleet.result(rollout);

    assertEquals(FleetOutcome.UPDATED, result.outcome(), result.message());
    for (String host : fleet.targets.keySet()) {
      assertEquals(v2, fleet.target(host).revision(), host);
    }
  }

  @Test
  void an_abort_with_revert_lets_the_running_update_finish_then_reverts_every_updated_host()
      throws Exception {
    fleet = new FleetHarness(tmp, 3).startWorkers();
    String old = fleet.target("vps-1").revision();
    Map<String, String> data = new HashMap<>();
    for (String host : fleet.targets.keySet()) {
      data.put(host, fleet.target(host).stateDigest());
    }
    fleet.publish("migrate v2");
    fleet.fleet(
        CANARY_THEN_TWO, 1, Duration.ZERO, 0, FleetApproval.NONE, BudgetAction.HALT, PICKUP);

    FleetRolloutWorkflow rollout = fleet.start(null);
    Await.until(
        "vps-2 updating",
        LONG,
        () -> state(rollout.status(), "vps-2") == HostState.UPDATING,
        () -> rollout.status().toString());
    assertTrue(rollout.abort(true).startsWith("aborting: no more hosts start"));
    FleetRolloutResult result = fleet.result(rollout);

    assertEquals(FleetOutcome.REVERTED, result.outcome(), result.message());
    assertEquals(HostState.REVERTED, host(result, "vps-1").state(), result.toString());
    assertEquals(HostState.REVERTED, host(result, "vps-2").state(), result.toString());
    for (String host : fleet.targets.keySet()) {
      HostState state = host(result, host).state();
      assertTrue(state == HostState.REVERTED || state == HostState.WAITING, host + " " + state);
      assertEquals(old, fleet.target(host).revision(), host);
      assertEquals(data.get(host), fleet.target(host).stateDigest(), host + "'s data");
    }
  }

  private static FleetRolloutStatus awaitPhase(FleetRolloutWorkflow rollout, String phase) {
    return Await.value(
        "phase " + phase,
        LONG,
        () -> {
          FleetRolloutStatus now = rollout.status();
          return phase.equals(now.phase()) ? now : null;
        },
        () -> rollout.status().toString());
  }
}
