package dev.steward.worker.fleet;

import static dev.steward.worker.fleet.RolloutHostsInTests.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.TestTarget;
import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.fleet.BudgetAction;
import dev.steward.workflows.fleet.FleetApproval;
import dev.steward.workflows.fleet.FleetOutcome;
import dev.steward.workflows.fleet.FleetRolloutResult;
import dev.steward.workflows.fleet.FleetRolloutWorkflow;
import dev.steward.workflows.fleet.HostRollout;
import dev.steward.workflows.fleet.HostState;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.failure.ApplicationFailure;
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
 * Fleet rollouts end to end: several hosts on this machine, each its own real target and its own
 * worker on its own queue, one Temporal test server; every host's update is its own real update
 * pipeline (git, snapshot, restart, health), every revert its own real restore. The healthy rollout
 * (every host at the revision, batches in order, never more than {@code maxParallel} at once) is
 * cli's {@code RolloutProcessTest}: six hosts as real processes on the real server.
 */
class FleetRolloutTest {
  private static final Duration LONG = Duration.ofMinutes(3);
  private static final Duration PICKUP = Duration.ofSeconds(30);

  @TempDir Path tmp;
  private FleetHarness fleet;

  @AfterEach
  void stopEverything(TestInfo test) throws Exception {
    if (fleet != null) {
      fleet.close(test);
    }
  }

  @Test
  void a_host_the_release_breaks_within_the_budget_is_rolled_back_by_its_own_update()
      throws Exception {
    fleet = new FleetHarness(tmp, 4);
    TestTarget fragile = fleet.target("vps-3");
    Files.writeString(fragile.state().resolve("fragile"), "");
    fleet.startWorkers();
    String old = fragile.revision();
    String data = fragile.stateDigest();
    String v2 = fleet.publish("healthy v2 unhealthy-where-fragile");
    fleet.fleet(
        List.of(List.of("vps-1"), List.of("vps-2", "vps-3", "vps-4")),
        2,
        Duration.ZERO,
        1,
        FleetApproval.NONE,
        BudgetAction.REVERT,
        PICKUP);

    FleetRolloutResult result = fleet.result(fleet.start(null));

    assertEquals(FleetOutcome.PARTIAL, result.outcome(), result.message());
    assertEquals(
        "3 of 4 hosts at " + v2.substring(0, 7) + "; failed: vps-3 (rolled_back)",
        result.message());
    assertEquals(HostState.ROLLED_BACK, host(result, "vps-3").state());
    assertTrue(
        host(result, "vps-3").message().startsWith("rolled_back: health failed"),
        host(result, "vps-3").message());
    assertEquals(old, fragile.revision());
    assertEquals(data, fragile.stateDigest());
    for (String other : List.of("vps-1", "vps-2", "vps-4")) {
      assertEquals(HostState.UPDATED, host(result, other).state(), other);
      assertEquals(v2, fleet.target(other).revision(), other);
    }
  }

  @Test
  void two_hosts_broken_with_a_budget_of_one_revert_every_host_it_updated_code_and_data()
      throws Exception {
    fleet = new FleetHarness(tmp, 4);
    Files.writeString(fleet.target("vps-2").state().resolve("fragile"), "");
    Files.writeString(fleet.target("vps-3").state().resolve("fragile"), "");
    fleet.startWorkers();
    String old = fleet.target("vps-1").revision();
    Map<String, String> data = new HashMap<>();
    for (String host : fleet.targets.keySet()) {
      data.put(host, fleet.target(host).stateDigest());
    }
    fleet.publish("migrate v2 unhealthy-where-fragile");
    fleet.fleet(
        List.of(List.of("vps-1"), List.of("vps-2", "vps-3", "vps-4")),
        1,
        Duration.ZERO,
        1,
        FleetApproval.NONE,
        BudgetAction.REVERT,
        PICKUP);

    FleetRolloutResult result = fleet.result(fleet.start(null));

    assertEquals(FleetOutcome.REVERTED, result.outcome(), result.message());
    assertEquals(HostState.REVERTED, host(result, "vps-1").state(), result.toString());
    assertEquals(HostState.ROLLED_BACK, host(result, "vps-2").state());
    assertEquals(HostState.ROLLED_BACK, host(result, "vps-3").state());
    assertEquals(HostState.WAITING, host(result, "vps-4").state(), "never started");
    assertTrue(
        result
            .message()
            .startsWith("reverted (2 failed, over the failure budget of 1): 1 hosts back"),
        result.message());
    for (String host : fleet.targets.keySet()) {
      assertEquals(old, fleet.target(host).revision(), host);
      assertEquals(
          data.get(host), fleet.target(host).stateDigest(), host + "'s data, byte for byte");
    }
    assertFalse(Files.exists(fleet.target("vps-1").state().resolve("new-index.db")));
    assertEquals(
        "rolled_back",
        fleet.labels(result.workflowId() + "/vps-1/revert").get(StewardSearchAttributes.OUTCOME));
  }

  @Test
  void a_host_whose_worker_never_polls_fails_after_the_host_timeout_and_nothing_runs_there()
      throws Exception {
    fleet = new FleetHarness(tmp, 3).startWorkers("vps-2");
    String old = fleet.target("vps-2").revision();
    String v2 = fleet.publish("healthy v2");
    fleet.fleet(
        List.of(List.of("vps-1"), List.of("vps-2", "vps-3")),
        2,
        Duration.ZERO,
        1,
        FleetApproval.NONE,
        BudgetAction.HALT,
        Duration.ofSeconds(3));

    FleetRolloutResult result = fleet.result(fleet.start(null));

    assertEquals(FleetOutcome.PARTIAL, result.outcome(), result.message());
    HostRollout down = host(result, "vps-2");
    assertEquals(HostState.FAILED, down.state());
    assertEquals("its worker did not pick up within 3s", down.message());
    assertNull(down.workflowId(), "no update was started for it");
    assertThrows(
        WorkflowNotFoundException.class,
        () ->
            fleet
                .env
                .getWorkflowClient()
                .newUntypedWorkflowStub(result.workflowId() + "/vps-2")
                .describe());
    assertEquals(old, fleet.target("vps-2").revision());
    assertEquals(v2, fleet.target("vps-3").revision());
  }

  @Test
  void a_host_whose_own_ref_does_not_have_the_revision_refuses_it_and_changes_nothing()
      throws Exception {
    fleet = new FleetHarness(tmp, 3);
    TestTarget stable = fleet.target("vps-2");
    stable.branchUpstream("stable");
    stable.gitRef("stable");
    fleet.startWorkers();
    String old = stable.revision();
    String v2 = fleet.publish("healthy v2");
    fleet.fleet(
        List.of(List.of("vps-1"), List.of("vps-2", "vps-3")),
        2,
        Duration.ZERO,
        1,
        FleetApproval.NONE,
        BudgetAction.HALT,
        PICKUP);

    FleetRolloutResult result = fleet.result(fleet.start(null));

    HostRollout refused = host(result, "vps-2");
    assertEquals(HostState.FAILED, refused.state());
    assertEquals(
        "failed: check failed: target demo: revision "
            + v2
            + " is not on origin stable (the update.git ref in this host's steward.yaml);"
            + " refused; nothing was changed",
        refused.message());
    assertEquals(old, stable.revision());
    assertEquals(List.of(), stable.snapshots(), "refused before its snapshot");
    assertEquals(v2, fleet.target("vps-3").revision());
    assertEquals(FleetOutcome.PARTIAL, result.outcome());
  }

  @Test
  void a_revision_that_is_not_on_the_first_hosts_ref_stops_the_rollout_before_any_host()
      throws Exception {
    fleet = new FleetHarness(tmp, 2).startWorkers();
    String old = fleet.target("vps-1").revision();
    String evil = fleet.target("vps-1").publishOn("evil", "healthy evil");
    fleet.fleet(
        List.of(List.of("vps-1"), List.of("vps-2")),
        1,
        Duration.ZERO,
        0,
        FleetApproval.NONE,
        BudgetAction.HALT,
        PICKUP);

    FleetRolloutWorkflow rollout = fleet.start(evil);
    WorkflowFailedException failed =
        assertThrows(WorkflowFailedException.class, () -> fleet.result(rollout));

    ApplicationFailure cause = (ApplicationFailure) failed.getCause();
    assertEquals(
        "fleet gateways: cannot resolve the revision to roll out on vps-1: target demo: revision "
            + evil
            + " is not on origin main (the update.git ref in this host's steward.yaml); refused",
        cause.getOriginalMessage());
    assertEquals(old, fleet.target("vps-1").revision());
    assertEquals(old, fleet.target("vps-2").revision());
  }
}
