package dev.steward.worker.config;

import dev.steward.workflows.fleet.BudgetAction;
import dev.steward.workflows.fleet.FleetApproval;
import dev.steward.workflows.fleet.FleetPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the top-level {@code fleets:} section: for each fleet its target, hosts, batches, budget,
 * approvals and rollout schedule, every default applied and every count resolved against the number
 * of hosts.
 */
final class FleetSection {
  static final int DEFAULT_CANARY = 1;
  static final int DEFAULT_BATCH_PERCENT = 25;
  static final long DEFAULT_HOST_TIMEOUT_MILLIS = 10 * 60_000L;
  static final BudgetAction DEFAULT_ON_BUDGET_EXCEEDED = BudgetAction.HALT;

  private static final String[] KEYS = {
    "target",
    "hosts",
    "canary",
    "batches",
    "maxParallel",
    "bake",
    "failureBudget",
    "approval",
    "onBudgetExceeded",
    "hostTimeout",
    "schedule"
  };

  /** The fleets by name, and the rollout schedule of each fleet that has one. */
  record Fleets(Map<String, FleetPlan> plans, Map<String, UpdateSchedule> schedules) {}

  private final String host;
  private final Set<String> targets;

  /**
   * @param host this host's name
   * @param targets this host's targets: a fleet that names this host must name one of them
   */
  FleetSection(String host, Set<String> targets) {
    this.host = host;
    this.targets = targets;
  }

  Fleets read(ConfigNode node) {
    Map<String, FleetPlan> plans = new LinkedHashMap<>();
    Map<String, UpdateSchedule> schedules = new LinkedHashMap<>();
    if (!node.present()) {
      return new Fleets(plans, schedules);
    }
    node.map("gateways: {target: hermes, hosts: [vps-1, vps-2]}")
        .entries()
        .forEach(
            (name, fleet) -> {
              if (!ConfigLoader.NAME.matcher(name).matches()) {
                throw fleet.keyError(
                    ConfigNode.quote(name) + " cannot name a fleet",
                    "use letters, digits, '.', '_' and '-', e.g. gateways");
              }
              ConfigMap entries = fleet.map("target: hermes").allowOnly(KEYS);
              plans.put(name, plan(name, entries));
              UpdateSchedule schedule = ScheduleSection.readRollout(entries.get("schedule"));
              if (schedule != null) {
                schedules.put(name, schedule);
              }
            });
    return new Fleets(plans, schedules);
  }

  private FleetPlan plan(String name, ConfigMap fleet) {
    List<String> hosts = hosts(fleet.get("hosts"));
    String target = target(fleet.get("target"), hosts);
    int n = hosts.size();
    int canary = canary(fleet.get("canary"), n);
    List<Integer> sizes = batchSizes(fleet.get("batches"), n);
    List<List<String>> batches = FleetBatches.resolve(hosts, canary, sizes);
    int largest = batches.stream().mapToInt(List::size).max().orElse(1);
    ConfigNode parallel = fleet.get("maxParallel");
    int maxParallel = parallel.present() ? positive(parallel, "maxParallel: 2") : largest;
    ConfigNode budget = fleet.get("failureBudget");
    return new FleetPlan(
        name,
        target,
        batches,
        maxParallel,
        Duration.ofMillis(Values.durationOr(fleet, "bake", 0, 0)),
        budget.present() ? FleetBatches.count(budget, n, 0, "1 or 10%") : 0,
        word(
            fleet.get("approval"), FleetApproval.values(), FleetApproval::wire, FleetApproval.NONE),
        word(
            fleet.get("onBudgetExceeded"),
            BudgetAction.values(),
            BudgetAction::wire,
            DEFAULT_ON_BUDGET_EXCEEDED),
        Duration.ofMillis(
            Values.durationOr(fleet, "hostTimeout", DEFAULT_HOST_TIMEOUT_MILLIS, 1_000)));
  }

  private static List<String> hosts(ConfigNode node) {
    String example = "hosts: [vps-1, vps-2, vps-3]";
    if (!node.present()) {
      throw node.missing("list the fleet's hosts by their host: names, e.g. " + example);
    }
    List<ConfigNode> items = node.items(example);
    if (items.isEmpty()) {
      throw node.error("is empty", "list the fleet's hosts by their host: names, e.g. " + example);
    }
    Set<String> hosts = new LinkedHashSet<>();
    for (ConfigNode item : items) {
      String name = item.text("vps-1").trim();
      if (!ConfigLoader.NAME.matcher(name).matches()) {
        throw item.error(
            ConfigNode.quote(name) + " is not a host name",
            "write the host: name of each host, e.g. vps-1");
      }
      if (!hosts.add(name)) {
        throw item.error(ConfigNode.quote(name) + " appears twice", "list each host once");
      }
    }
    return List.copyOf(hosts);
  }

  private String target(ConfigNode node, List<String> hosts) {
    if (!node.present()) {
      throw node.missing("name the target each host updates, as its own steward.yaml calls it");
    }
    String target = node.text("target: hermes").trim();
    if (!ConfigLoader.NAME.matcher(target).matches()) {
      throw node.error(
          ConfigNode.quote(target) + " cannot name a target",
          "use letters, digits, '.', '_' and '-', e.g. hermes");
    }
    if (hosts.contains(host) && !targets.contains(target)) {
      throw node.error(
          "this host (" + host + ") is in the fleet but has no target " + ConfigNode.quote(target),
          "add it under targets:, or take " + host + " out of hosts");
    }
    return target;
  }

  private static int canary(ConfigNode node, int hosts) {
    if (!node.present()) {
      return DEFAULT_CANARY;
    }
    int canary = FleetBatches.count(node, hosts, 1, "1 or 10%");
    if (canary > hosts) {
      throw node.error(
          canary + " is more hosts than the fleet's " + hosts, "write at most " + hosts);
    }
    return canary;
  }

  private static List<Integer> batchSizes(ConfigNode node, int hosts) {
    if (!node.present()) {
      return List.of(Math.max(1, (int) Math.ceil(hosts * DEFAULT_BATCH_PERCENT / 100.0)));
    }
    List<ConfigNode> items = node.items("batches: [2, 50%]");
    if (items.isEmpty()) {
      throw node.error("is empty", "give at least one batch size, e.g. [2, 50%], or leave it out");
    }
    List<Integer> sizes = new ArrayList<>();
    for (ConfigNode item : items) {
      sizes.add(FleetBatches.count(item, hosts, 1, "2 or 50%"));
    }
    return sizes;
  }

  private static int positive(ConfigNode node, String example) {
    int value = Values.wholeNumber(node, example);
    if (value < 1) {
      throw node.error(value + " is too few", "write at least 1");
    }
    return value;
  }

  /** One of an enum's wire words, or {@code fallback} when the key is absent. */
  private static <E> E word(ConfigNode node, E[] values, Function<E, String> wire, E fallback) {
    if (!node.present()) {
      return fallback;
    }
    String text = node.text(wire.apply(fallback)).trim();
    for (E value : values) {
      if (wire.apply(value).equals(text)) {
        return value;
      }
    }
    List<String> words = Arrays.stream(values).map(wire).toList();
    String closest = ConfigMap.closest(text, words);
    String all = words.stream().collect(Collectors.joining(", "));
    throw node.error(
        ConfigNode.quote(text) + " is not one of " + all,
        closest != null ? "did you mean " + closest + "?" : "write one of them");
  }
}
