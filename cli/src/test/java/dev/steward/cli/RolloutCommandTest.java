package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.worker.LoopbackTemporalServer;
import dev.steward.workflows.StewardSearchAttributes;
import io.temporal.common.SearchAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward rollout start|status} in-process against Temporal's test server on a loopback
 * port. The rollout itself is {@link ScriptedRollout}, a test-only stand-in for the real workflow
 * (which has its own tests), so these tests check the CLI alone: what it starts, prints and exits
 * with. The requests a rollout answers (pause, resume, approve, abort) are in
 * RolloutControlsServerTest: the test server cannot deliver an update to a run over its port.
 */
class RolloutCommandTest {
  @TempDir Path tmp;
  private LoopbackTemporalServer server;
  private RolloutFixture fx;

  @BeforeEach
  void startServer() throws Exception {
    server = LoopbackTemporalServer.start();
    fx =
        new RolloutFixture(
            tmp, "temporal:\n  address: " + server.address() + "\n  connectTimeout: 60s\n");
    CliRun setup = fx.steward("setup");
    assertEquals(0, setup.exitCode(), setup.toString());
  }

  @AfterEach
  void stopEverything() {
    fx.close();
    server.close();
  }

  @Test
  void start_follows_every_host_to_updated_and_exits_0() throws Exception {
    fx.rollouts("", Set.of(), Set.of());

    CliRun run = fx.steward("rollout", "start", "gateways", "--revision", "abc1234");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("rolling out gateways from test-host"), run.out());
    assertTrue(run.out().contains("run rollout/gateways/"), run.out());
    assertTrue(run.out().contains("updated: gateways at abc1234: "), run.out());
    for (String host : new String[] {"vps-1", "vps-2", "vps-3", "vps-4"}) {
      assertTrue(
          run.out().contains("  " + host + "        updated      update/demo/" + host), run.out());
    }
  }

  @Test
  void a_rollout_carries_its_id_kind_fleet_and_host_for_the_web_ui() throws Exception {
    fx.rollouts("", Set.of(), Set.of());

    String id = fx.startDetached();
    SearchAttributes attributes =
        fx.connection().client().newUntypedWorkflowStub(id).describe().getTypedSearchAttributes();

    assertEquals("rollout", attributes.get(StewardSearchAttributes.KIND));
    assertEquals("gateways", attributes.get(StewardSearchAttributes.FLEET));
    assertEquals("test-host", attributes.get(StewardSearchAttributes.HOST));
  }

  @Test
  void a_host_rolled_back_within_the_budget_ends_partial_with_exit_3_in_json() throws Exception {
    fx.rollouts("", Set.of("vps-2"), Set.of());

    CliRun run = fx.steward("rollout", "start", "gateways", "--output", "json");

    assertEquals(3, run.exitCode(), run.toString());
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertEquals("partial", result.get("outcome").asText(), run.out());
    assertEquals("rolled_back", result.get("hosts").get(1).get("state").asText(), run.out());
    assertEquals("vps-2", result.get("hosts").get(1).get("host").asText(), run.out());
  }

  @Test
  void more_failures_than_the_budget_halt_with_exit_3() throws Exception {
    fx.rollouts("", Set.of("vps-1", "vps-2"), Set.of());

    CliRun run = fx.steward("rollout", "start", "gateways");

    assertEquals(3, run.exitCode(), run.toString());
    assertTrue(run.out().contains("halted: gateways at 0123abc"), run.out());
    assertTrue(run.out().contains("  vps-3        waiting"), run.out());
  }

  @Test
  void a_host_left_unhealthy_is_exit_4() throws Exception {
    fx.rollouts("", Set.of(), Set.of("vps-4"));

    CliRun run = fx.steward("rollout", "start", "gateways");

    assertEquals(4, run.exitCode(), run.toString());
    assertTrue(run.out().contains("failed: gateways"), run.out());
  }

  @Test
  void an_unknown_fleet_and_an_unknown_rollout_are_exit_2() throws Exception {
    fx.rollouts("", Set.of(), Set.of());

    CliRun fleet = fx.steward("rollout", "start", "routers");
    CliRun rollout = fx.steward("rollout", "status", "rollout/gateways/nope");

    assertEquals(2, fleet.exitCode(), fleet.toString());
    assertEquals(
        "steward: no fleet \"routers\" in " + fx.config.toRealPath() + " (known: gateways)\n",
        fleet.err(),
        fleet.toString());
    assertEquals(2, rollout.exitCode(), rollout.toString());
    assertTrue(
        rollout.err().startsWith("steward: no rollout rollout/gateways/nope on "),
        rollout.toString());
  }

  @Test
  void the_embedded_server_refuses_a_fleet_of_other_hosts_saying_it_needs_a_shared_server()
      throws Exception {
    Path embedded =
        Files.writeString(tmp.resolve("embedded.yaml"), fx.target + RolloutFixture.FLEET);

    CliRun start = CliRun.withConfig(embedded, "rollout", "start", "gateways");
    CliRun status = CliRun.withConfig(embedded, "rollout", "status", "rollout/gateways/x");

    assertEquals(2, start.exitCode(), start.toString());
    assertEquals(1, start.err().lines().count(), start.toString());
    assertTrue(
        start.err().contains("has hosts other than this one (vps-1, vps-2, vps-3, vps-4)"),
        start.err());
    assertTrue(start.err().contains("a fleet needs a shared Temporal server"), start.err());
    assertEquals(2, status.exitCode(), status.toString());
    assertTrue(status.err().contains("set temporal.address"), status.err());
  }

  @Test
  void config_check_prints_each_fleets_batches_and_help_lists_the_exit_codes() throws Exception {
    CliRun check = fx.steward("config", "check");
    CliRun help = fx.steward("rollout", "start", "--help");
    CliRun parent = fx.steward("rollout", "--help");

    assertEquals(0, check.exitCode(), check.toString());
    assertTrue(check.out().contains("fleet gateways (target demo, 4 hosts)\n"), check.out());
    assertTrue(check.out().contains("  batch 1    vps-1 (canary)\n"), check.out());
    assertTrue(check.out().contains("  batch 3    vps-3 vps-4\n"), check.out());
    assertTrue(help.out().contains("halted, partial or reverted"), help.out());
    assertTrue(help.out().contains("refused the request"), help.out());
    assertTrue(parent.out().contains("halted, partial or reverted"), parent.out());
  }

  @Test
  void status_shows_the_batch_the_budget_and_each_host_with_its_run() throws Exception {
    fx.rollouts("    approval: after-canary\n", Set.of(), Set.of());
    String id = fx.startDetached();
    fx.awaitPhase(id, "awaiting-approval");

    CliRun status = fx.steward("rollout", "status", id);
    CliRun json = fx.steward("rollout", "status", id, "--output", "json");

    assertEquals(0, status.exitCode(), status.toString());
    assertTrue(
        status
            .out()
            .startsWith("rollout " + id + " (fleet gateways, target demo, revision 0123abc)\n"),
        status.out());
    assertTrue(
        status
            .out()
            .contains(
                "batch 1/3, awaiting-approval: 1 of 4 hosts updated, 0 failed of a budget of 1\n"),
        status.out());
    assertTrue(
        status
            .out()
            .contains("  vps-1        updated      update/demo/vps-1  run run-vps-1  at 0123abc\n"),
        status.out());
    assertTrue(status.out().contains("  vps-2        waiting\n"), status.out());
    JsonNode tree = new ObjectMapper().readTree(json.out());
    assertEquals(id, tree.get("workflowId").asText());
    assertEquals("awaiting-approval", tree.get("phase").asText());
    assertEquals("updated", tree.get("hosts").get(0).get("state").asText());
  }
}
