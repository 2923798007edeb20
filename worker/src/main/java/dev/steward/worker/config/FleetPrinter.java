package dev.steward.worker.config;

import dev.steward.workflows.fleet.BudgetAction;
import dev.steward.workflows.fleet.FleetPlan;
import java.util.ArrayList;
import java.util.List;

/** Renders a fleet's resolved plan for people, as {@code steward config check} prints it. */
public final class FleetPrinter {
  private FleetPrinter() {}

  /** Every fleet of {@code config}, one block each. */
  public static String describe(StewardConfig config) {
    StringBuilder text = new StringBuilder();
    config
        .fleets()
        .values()
        .forEach(
            fleet ->
                text.append(describe(fleet, config.rolloutSchedules().get(fleet.fleet())))
                    .append('\n'));
    return text.toString();
  }

  /** One fleet: its batches with their hosts, then every knob with its default filled in. */
  public static String describe(FleetPlan fleet, UpdateSchedule schedule) {
    List<String> lines = new ArrayList<>();
    int hosts = fleet.hosts().size();
    lines.add(
        "fleet "
            + fleet.fleet()
            + " (target "
            + fleet.target()
            + ", "
            + hosts
            + (hosts == 1 ? " host)" : " hosts)"));
    for (int i = 0; i < fleet.batches().size(); i++) {
      String hostsOf = String.join(" ", fleet.batches().get(i));
      lines.add(row("batch " + (i + 1), hostsOf + (i == 0 ? " (canary)" : "")));
    }
    lines.add(row("parallel", "at most " + fleet.maxParallel() + " hosts updating at once"));
    lines.add(
        row(
            "bake",
            fleet.bake().isZero()
                ? "none: the next batch starts once a batch is healthy"
                : Quantities.formatMillis(fleet.bake().toMillis()) + ", then health again"));
    lines.add(row("budget", budget(fleet)));
    lines.add(row("approval", fleet.approval().wire()));
    lines.add(
        row(
            "timeout",
            "a host not picked up within "
                + Quantities.formatMillis(fleet.hostTimeout().toMillis())
                + " counts as failed"));
    lines.add(row("schedule", schedule == null ? "none (steward rollout start)" : schedule.when()));
    return String.join("\n", lines) + "\n";
  }

  private static String budget(FleetPlan fleet) {
    String then =
        fleet.onBudgetExceeded() == BudgetAction.REVERT
            ? "then stop and revert every updated host"
            : "then stop, updated hosts as they are";
    int budget = fleet.failureBudget();
    return budget + (budget == 1 ? " failed host" : " failed hosts") + " tolerated, " + then;
  }

  private static String row(String label, String value) {
    return String.format("  %-10s %s", label, value).stripTrailing();
  }
}
