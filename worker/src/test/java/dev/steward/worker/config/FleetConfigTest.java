package dev.steward.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.activities.pipeline.PlanSource.NoPlanException;
import dev.steward.workflows.fleet.BudgetAction;
import dev.steward.workflows.fleet.FleetApproval;
import dev.steward.workflows.fleet.FleetPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code fleets:} section: what each fleet resolves to, and its one-line errors. */
class FleetConfigTest {
  private static final String SIX = "    hosts: [vps-1, vps-2, vps-3, vps-4, vps-5, vps-6]\n";

  @TempDir Path tmp;
  ConfigFixture fx;

  @BeforeEach
  void layOutHost() throws Exception {
    fx = new ConfigFixture(tmp);
  }

  /** MINIMAL (13 lines), {@code fleets:} on line 14, the fleet on 15, its target on 16. */
  private static String fleet(String keys) {
    return ConfigFixture.MINIMAL + "fleets:\n  gateways:\n    target: demo\n" + keys;
  }

  private FleetPlan gateways(String keys) throws Exception {
    return fx.load(fleet(keys)).fleets().get("gateways");
  }

  @Test
  void resolves_the_issues_example_canary_first_then_two_then_half() throws Exception {
    FleetPlan plan =
        gateways(
            SIX
                + "    canary: 1\n    batches: [2, 50%]\n    maxParallel: 2\n    bake: 10m\n"
                + "    failureBudget: 1\n    approval: after-canary\n"
                + "    onBudgetExceeded: revert\n");

    assertEquals(
        new FleetPlan(
            "gateways",
            "demo",
            List.of(
                List.of("vps-1"), List.of("vps-2", "vps-3"), List.of("vps-4", "vps-5", "vps-6")),
            2,
            Duration.ofMinutes(10),
            1,
            FleetApproval.AFTER_CANARY,
            BudgetAction.REVERT,
            Duration.ofMinutes(10)),
        plan);
  }

  @Test
  void defaults_to_one_canary_then_quarters_no_bake_no_budget_no_approval_and_halt()
      throws Exception {
    FleetPlan plan = gateways(SIX);

    // 25% of 6 hosts rounds up to 2; the last batch takes the one host that remains.
    assertEquals(
        List.of(
            List.of("vps-1"),
            List.of("vps-2", "vps-3"),
            List.of("vps-4", "vps-5"),
            List.of("vps-6")),
        plan.batches());
    assertEquals(2, plan.maxParallel(), "the largest batch: no limit within a batch");
    assertEquals(Duration.ZERO, plan.bake());
    assertEquals(0, plan.failureBudget());
    assertEquals(FleetApproval.NONE, plan.approval());
    assertEquals(BudgetAction.HALT, plan.onBudgetExceeded());
    assertEquals(Duration.ofMinutes(10), plan.hostTimeout());
  }

  @Test
  void resolves_percentages_against_the_number_of_hosts_rounding_up() throws Exception {
    FleetPlan plan =
        gateways(SIX + "    canary: 10%\n    batches: [34%]\n    failureBudget: 20%\n");

    // 10% of 6 is 0.6: one host; 34% is 2.04: three; 20% is 1.2: two.
    assertEquals(
        List.of(List.of("vps-1"), List.of("vps-2", "vps-3", "vps-4"), List.of("vps-5", "vps-6")),
        plan.batches());
    assertEquals(2, plan.failureBudget());
  }

  @Test
  void a_batch_larger_than_what_remains_takes_the_remainder_and_no_host_twice() throws Exception {
    FleetPlan plan = gateways(SIX + "    canary: 2\n    batches: [100]\n");

    assertEquals(
        List.of(List.of("vps-1", "vps-2"), List.of("vps-3", "vps-4", "vps-5", "vps-6")),
        plan.batches());
    assertEquals(List.of("vps-1", "vps-2", "vps-3", "vps-4", "vps-5", "vps-6"), plan.hosts());
  }

  @Test
  void a_canary_of_every_host_is_one_batch() throws Exception {
    assertEquals(
        List.of(List.of("vps-1", "vps-2")),
        gateways("    hosts: [vps-1, vps-2]\n    canary: 100%\n").batches());
  }

  @Test
  void reads_a_rollout_schedule_like_a_targets_update_schedule() throws Exception {
    StewardConfig config =
        fx.load(fleet(SIX + "    schedule:\n      rollout: {at: \"3:00\", jitter: 10m}\n"));

    assertEquals(
        Map.of("gateways", new UpdateSchedule("03:00", null, 0, "UTC", 600_000, 86_400_000L)),
        config.rolloutSchedules());
  }

  @Test
  void a_config_without_fleets_has_none() throws Exception {
    StewardConfig config = fx.load(ConfigFixture.MINIMAL);

    assertEquals(Map.of(), config.fleets());
    assertEquals(Map.of(), config.rolloutSchedules());
  }

  @Test
  void the_fleet_source_gives_the_plan_and_names_the_known_fleets_otherwise() throws Exception {
    StewardConfig config = fx.load(fleet(SIX));
    ConfigFleets fleets = new ConfigFleets(() -> config);

    assertEquals(config.fleets().get("gateways"), fleets.fleet("gateways"));
    NoPlanException none =
        org.junit.jupiter.api.Assertions.assertThrows(
            NoPlanException.class, () -> fleets.fleet("routers"));
    assertEquals(
        "no fleet \"routers\" in " + config.source() + " (known: gateways)", none.getMessage());
  }

  @Test
  void refuses_an_unknown_key_suggesting_the_close_one() throws Exception {
    assertEquals(
        "steward.yaml:18: fleets.gateways.maxParalel: unknown key (did you mean maxParallel?)",
        fx.error(fleet(SIX + "    maxParalel: 2\n")));
  }

  @Test
  void refuses_a_fleet_without_hosts() throws Exception {
    assertEquals(
        "steward.yaml:15: fleets.gateways.hosts: missing (list the fleet's hosts by their host:"
            + " names, e.g. hosts: [vps-1, vps-2, vps-3])",
        fx.error(fleet("")));
  }

  @Test
  void refuses_an_empty_list_of_hosts() throws Exception {
    assertEquals(
        "steward.yaml:17: fleets.gateways.hosts: is empty (list the fleet's hosts by their host:"
            + " names, e.g. hosts: [vps-1, vps-2, vps-3])",
        fx.error(fleet("    hosts: []\n")));
  }

  @Test
  void refuses_a_host_listed_twice() throws Exception {
    assertEquals(
        "steward.yaml:20: fleets.gateways.hosts[2]: \"vps-1\" appears twice (list each host"
            + " once)",
        fx.error(fleet("    hosts:\n      - vps-1\n      - vps-2\n      - vps-1\n")));
  }

  @Test
  void refuses_a_fleet_without_a_target() throws Exception {
    String yaml = ConfigFixture.MINIMAL + "fleets:\n  gateways:\n" + SIX;

    assertEquals(
        "steward.yaml:15: fleets.gateways.target: missing (name the target each host updates, as"
            + " its own steward.yaml calls it)",
        fx.error(yaml));
  }

  @Test
  void refuses_a_fleet_with_this_host_whose_target_this_host_lacks() throws Exception {
    String yaml =
        ConfigFixture.MINIMAL
            + "fleets:\n  gateways:\n    target: hermes\n"
            + "    hosts: [test-host, vps-2]\n";

    assertEquals(
        "steward.yaml:16: fleets.gateways.target: this host (test-host) is in the fleet but has no"
            + " target \"hermes\" (add it under targets:, or take test-host out of hosts)",
        fx.error(yaml));
  }

  @Test
  void refuses_a_percentage_of_zero_or_over_a_hundred() throws Exception {
    assertEquals(
        "steward.yaml:20: fleets.gateways.batches[1]: \"150%\" is not a percentage from 1% to"
            + " 100% (write e.g. 25%)",
        fx.error(fleet(SIX + "    batches:\n      - 2\n      - 150%\n")));
    assertEquals(
        "steward.yaml:18: fleets.gateways.canary: \"0%\" is not a percentage from 1% to 100%"
            + " (write e.g. 25%)",
        fx.error(fleet(SIX + "    canary: 0%\n")));
    assertEquals(
        "steward.yaml:18: fleets.gateways.failureBudget: \"0%\" is not a percentage from 1% to"
            + " 100% (write 0 for none, or e.g. 10%)",
        fx.error(fleet(SIX + "    failureBudget: 0%\n")));
  }

  @Test
  void refuses_a_batch_of_no_hosts() throws Exception {
    assertEquals(
        "steward.yaml:18: fleets.gateways.batches[0]: 0 is too few hosts (write at least 1)",
        fx.error(fleet(SIX + "    batches: [0]\n")));
  }

  @Test
  void refuses_a_canary_larger_than_the_fleet() throws Exception {
    assertEquals(
        "steward.yaml:18: fleets.gateways.canary: 7 is more hosts than the fleet's 6 (write at"
            + " most 6)",
        fx.error(fleet(SIX + "    canary: 7\n")));
  }

  @Test
  void refuses_a_count_that_is_not_a_number_or_a_percentage() throws Exception {
    assertEquals(
        "steward.yaml:18: fleets.gateways.canary: \"one\" is not a number of hosts or a"
            + " percentage (write e.g. 1 or 10%)",
        fx.error(fleet(SIX + "    canary: one\n")));
  }

  @Test
  void refuses_an_unknown_approval_word() throws Exception {
    assertEquals(
        "steward.yaml:18: fleets.gateways.approval: \"after-canery\" is not one of none,"
            + " after-canary, every-batch (did you mean after-canary?)",
        fx.error(fleet(SIX + "    approval: after-canery\n")));
  }

  @Test
  void refuses_an_unknown_budget_action() throws Exception {
    assertEquals(
        "steward.yaml:18: fleets.gateways.onBudgetExceeded: \"rollback\" is not one of halt,"
            + " revert (write one of them)",
        fx.error(fleet(SIX + "    onBudgetExceeded: rollback\n")));
  }

  @Test
  void refuses_a_max_parallel_of_zero() throws Exception {
    assertEquals(
        "steward.yaml:18: fleets.gateways.maxParallel: 0 is too few (write at least 1)",
        fx.error(fleet(SIX + "    maxParallel: 0\n")));
  }

  @Test
  void refuses_a_bad_duration_and_a_host_timeout_under_a_second() throws Exception {
    assertEquals(
        "steward.yaml:18: fleets.gateways.bake: \"10 minutes\" is not a duration (try 10m)",
        fx.error(fleet(SIX + "    bake: 10 minutes\n")));
    assertEquals(
        "steward.yaml:18: fleets.gateways.hostTimeout: 10ms is too short (use at least 1s)",
        fx.error(fleet(SIX + "    hostTimeout: 10ms\n")));
  }

  @Test
  void refuses_a_rollout_schedule_with_an_unknown_key() throws Exception {
    assertEquals(
        "steward.yaml:19: fleets.gateways.schedule.update: unknown key (known keys here:"
            + " rollout)",
        fx.error(fleet(SIX + "    schedule:\n      update: {at: \"03:00\"}\n")));
  }

  @Test
  void refuses_a_fleet_name_that_cannot_name_a_workflow() throws Exception {
    String yaml = ConfigFixture.MINIMAL + "fleets:\n  \"two words\":\n    target: demo\n" + SIX;

    assertEquals(
        "steward.yaml:15: fleets.two words: \"two words\" cannot name a fleet (use letters,"
            + " digits, '.', '_' and '-', e.g. gateways)",
        fx.error(yaml));
  }

  @Test
  void a_target_of_this_host_in_a_fleet_with_a_rollout_schedule_gets_no_nightly_update()
      throws Exception {
    String nightly = "    schedule:\n      update: {at: \"03:00\"}\n    health:\n";
    String withUpdate = ConfigFixture.minimalWith("    health:\n", nightly);
    String fleet = "fleets:\n  gateways:\n    target: demo\n    hosts: [test-host, vps-2]\n";

    StewardConfig unscheduled = fx.load(withUpdate + fleet);
    StewardConfig scheduled =
        fx.load(withUpdate + fleet + "    schedule: {rollout: {at: \"04:00\"}}\n");

    assertEquals(Set.of("demo"), unscheduled.nightlyUpdateSchedules().keySet());
    assertEquals(Map.of(), scheduled.nightlyUpdateSchedules());
    assertEquals(Set.of("demo"), scheduled.updateSchedules().keySet(), "still in the config");
  }

  @Test
  void a_fleet_without_this_host_leaves_its_nightly_update_alone() throws Exception {
    String nightly = "    schedule:\n      update: {at: \"03:00\"}\n    health:\n";
    String yaml =
        ConfigFixture.minimalWith("    health:\n", nightly)
            + "fleets:\n  gateways:\n    target: demo\n"
            + SIX
            + "    schedule: {rollout: {at: \"04:00\"}}\n";

    assertEquals(Set.of("demo"), fx.load(yaml).nightlyUpdateSchedules().keySet());
  }

  @Test
  void config_check_shows_each_batch_with_its_hosts_and_every_default() throws Exception {
    StewardConfig config =
        fx.load(
            fleet(
                SIX
                    + "    batches: [2, 50%]\n    failureBudget: 1\n    onBudgetExceeded: revert\n"
                    + "    schedule: {rollout: {at: \"03:00\"}}\n"));

    assertEquals(
        """
        fleet gateways (target demo, 6 hosts)
          batch 1    vps-1 (canary)
          batch 2    vps-2 vps-3
          batch 3    vps-4 vps-5 vps-6
          parallel   at most 3 hosts updating at once
          bake       none: the next batch starts once a batch is healthy
          budget     1 failed host tolerated, then stop and revert every updated host
          approval   none
          timeout    a host not picked up within 10m counts as failed
          schedule   daily at 03:00 UTC

        """,
        FleetPrinter.describe(config));
  }
}
