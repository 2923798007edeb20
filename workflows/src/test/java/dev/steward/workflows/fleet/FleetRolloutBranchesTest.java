package dev.steward.workflows.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.fakes.TestPlans;
import dev.steward.workflows.update.ApprovalDecision;
import dev.steward.workflows.update.UpdateOutcome;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rollout's branches against fake hosts and fake child runs: the bake's re-check, a halt, a
 * host left unhealthy, approval after every batch, a run continued as new. The main paths on real
 * hosts are the worker's FleetRolloutTest and FleetRolloutControlsTest.
 */
class FleetRolloutBranchesTest {
  private static final List<List<String>> THREE_BATCHES =
      List.of(List.of("vps-1"), List.of("vps-2", "vps-3"), List.of("vps-4"));

  // Without time skipping: a skip can pass a host's pickup timeout before its fake worker polls;
  // the waits here are short (a bake of one second).
  private final TestWorkflowEnvironment env =
      TestWorkflowEnvironment.newInstance(
          TestEnvironmentOptions.newBuilder().setUseTimeskipping(false).build());

  @BeforeEach
  void reset() {
    FakeFleet.reset();
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void a_host_unhealthy_after_the_bake_is_restored_and_counts_against_the_budget() {
    FakeFleet.start(env, plan(Duration.ofSeconds(1), 1, FleetApproval.NONE, BudgetAction.HALT));
    FakeFleet.sickAfterBake.add("vps-1");

    FleetRolloutResult result = run(env, null);

    assertEquals(FleetOutcome.PARTIAL, result.outcome(), result.message());
    HostRollout canary = result.hosts().get(0);
    assertEquals(HostState.ROLLED_BACK, canary.state());
    assertTrue(
        canary.message().startsWith("unhealthy after the bake: answers 503; back at 1111111"),
        canary.message());
    assertEquals("restore vps-1 demo-1.tar.gz", FakeFleet.runs.get(1));
  }

  @Test
  void halt_starts_no_more_hosts_and_reverts_none() {
    FakeFleet.start(env, plan(Duration.ZERO, 0, FleetApproval.NONE, BudgetAction.HALT));
    FakeFleet.outcomes.put("vps-1", UpdateOutcome.ROLLED_BACK);

    FleetRolloutResult result = run(env, null);

    assertEquals(FleetOutcome.HALTED, result.outcome());
    assertEquals(List.of("update vps-1"), FakeFleet.runs);
    assertEquals(
        "halted (1 failed, over the failure budget of 0): 0 hosts left at 2222222; failed: vps-1"
            + " (rolled_back); 3 not started",
        result.message());
  }

  @Test
  void a_host_its_own_rollback_left_unhealthy_makes_the_rollout_failed() {
    FakeFleet.start(env, plan(Duration.ZERO, 1, FleetApproval.NONE, BudgetAction.REVERT));
    FakeFleet.outcomes.put("vps-2", UpdateOutcome.FAILED);

    FleetRolloutResult result = run(env, TestPlans.NEW);

    assertEquals(FleetOutcome.FAILED, result.outcome(), result.message());
    assertEquals(HostState.FAILED, result.hosts().get(1).state());
    assertEquals(HostState.UPDATED, result.hosts().get(3).state());
  }

  @Test
  void every_batch_waits_for_approval_but_the_last() throws InterruptedException {
    FakeFleet.start(env, plan(Duration.ZERO, 0, FleetApproval.EVERY_BATCH, BudgetAction.HALT));
    FleetRolloutWorkflow rollout = start(env, null);

    for (int gate = 1; gate <= 2; gate++) {
      awaitPhase(rollout, "awaiting-approval", gate);
      assertEquals(gate, rollout.status().batch());
      rollout.approve(new ApprovalDecision(true, "ops", null));
    }
    FleetRolloutResult result = WorkflowStub.fromTyped(rollout).getResult(FleetRolloutResult.class);

    assertEquals(FleetOutcome.UPDATED, result.outcome());
    assertEquals(4, FakeFleet.runs.size());
  }

  @Test
  void a_run_continued_as_new_starts_after_the_batches_it_carries() {
    FleetPlan plan = plan(Duration.ZERO, 0, FleetApproval.NONE, BudgetAction.HALT);
    FakeFleet.start(env, plan);
    HostRollout done =
        new HostRollout(
            "vps-1",
            HostState.UPDATED,
            "x/vps-1",
            "r",
            TestPlans.OLD,
            TestPlans.SNAPSHOT.file(),
            "updated");
    List<HostRollout> hosts = List.of(done, waiting("vps-2"), waiting("vps-3"), waiting("vps-4"));
    FleetRolloutProgress progress =
        new FleetRolloutProgress(plan, TestPlans.NEW, 1, hosts, List.of("vps-1"), List.of(), false);

    FleetRolloutWorkflow rollout = stub(env);
    WorkflowClient.start(
        rollout::rollout, new FleetRolloutRequest("gateways", FakeFleet.STARTER, null, progress));
    FleetRolloutResult result = WorkflowStub.fromTyped(rollout).getResult(FleetRolloutResult.class);

    assertEquals(FleetOutcome.UPDATED, result.outcome());
    assertEquals(
        List.of("update vps-2", "update vps-3", "update vps-4"),
        FakeFleet.runs.stream().sorted().toList());
    assertEquals(done, result.hosts().get(0));
  }

  private static HostRollout waiting(String host) {
    return new HostRollout(host, HostState.WAITING, null, null, null, null, null);
  }

  private static FleetPlan plan(
      Duration bake, int budget, FleetApproval approval, BudgetAction action) {
    return new FleetPlan(
        "gateways",
        TestPlans.TARGET,
        THREE_BATCHES,
        1,
        bake,
        budget,
        approval,
        action,
        Duration.ofSeconds(30));
  }

  private static FleetRolloutResult run(TestWorkflowEnvironment env, String revision) {
    FleetRolloutWorkflow rollout = start(env, revision);
    return WorkflowStub.fromTyped(rollout).getResult(FleetRolloutResult.class);
  }

  private static FleetRolloutWorkflow start(TestWorkflowEnvironment env, String revision) {
    FleetRolloutWorkflow rollout = stub(env);
    WorkflowClient.start(
        rollout::rollout, new FleetRolloutRequest("gateways", FakeFleet.STARTER, revision));
    return rollout;
  }

  private static FleetRolloutWorkflow stub(TestWorkflowEnvironment env) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            FleetRolloutWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("rollout/gateways/test")
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .build());
  }

  /** Polls the rollout until it stands at gate {@code gate}; a minute of no progress fails. */
  private static void awaitPhase(FleetRolloutWorkflow rollout, String phase, int gate)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      FleetRolloutStatus status = rollout.status();
      if (phase.equals(status.phase()) && status.batch() == gate) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "never reached " + phase + " at batch " + gate + ": " + rollout.status());
  }
}
