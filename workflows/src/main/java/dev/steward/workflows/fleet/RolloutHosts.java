package dev.steward.workflows.fleet;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where every host of a rollout stands, in rollout order, and what the rollout's end needs to know
 * of them: which it moved to the revision (a revert restores those) and which it left not healthy.
 * Plain state, carried whole into a run that continues as new.
 */
final class RolloutHosts {
  private final Map<String, HostRollout> hosts = new LinkedHashMap<>();
  private final Set<String> landed = new LinkedHashSet<>();
  private final Set<String> unhealthy = new LinkedHashSet<>();

  /** Every host of {@code plan}, waiting. */
  static RolloutHosts waiting(FleetPlan plan) {
    RolloutHosts all = new RolloutHosts();
    plan.hosts()
        .forEach(
            h ->
                all.hosts.put(
                    h, new HostRollout(h, HostState.WAITING, null, null, null, null, null)));
    return all;
  }

  /** The hosts as an earlier run of the rollout left them. */
  static RolloutHosts carried(FleetRolloutProgress progress) {
    RolloutHosts all = new RolloutHosts();
    progress.hosts().forEach(h -> all.hosts.put(h.host(), h));
    all.landed.addAll(progress.landed());
    all.unhealthy.addAll(progress.unhealthy());
    return all;
  }

  FleetRolloutProgress progress(FleetPlan plan, String revision, int batchesDone, boolean paused) {
    return new FleetRolloutProgress(
        plan, revision, batchesDone, all(), List.copyOf(landed), List.copyOf(unhealthy), paused);
  }

  HostRollout get(String host) {
    return hosts.get(host);
  }

  void put(HostRollout host) {
    hosts.put(host.host(), host);
  }

  /** How a host's update or restore ended. */
  void record(FleetHosts.Landing landing) {
    String host = landing.host().host();
    hosts.put(host, landing.host());
    if (landing.landed()) {
      landed.add(host);
    }
    if (landing.unhealthy()) {
      unhealthy.add(host);
    }
  }

  /** {@code host} went unhealthy after the bake; the rollout restores it when it moved it. */
  HostRollout sickAfterBake(String host, String why) {
    HostRollout sick = hosts.get(host).with(HostState.FAILED, why);
    hosts.put(host, sick);
    if (!landed.contains(host)) {
      unhealthy.add(host);
    }
    return sick;
  }

  boolean landed(String host) {
    return landed.contains(host);
  }

  /** The hosts this rollout moved to the revision, and that are still there. */
  List<HostRollout> landed() {
    return landed.stream().map(hosts::get).toList();
  }

  /** A restore ran on {@code host}: it is no longer at the revision. */
  void restored(FleetHosts.Landing landing) {
    landed.remove(landing.host().host());
    record(landing);
  }

  boolean anyUnhealthy() {
    return !unhealthy.isEmpty();
  }

  List<String> inState(HostState state) {
    return hosts.values().stream().filter(h -> h.state() == state).map(HostRollout::host).toList();
  }

  /** The hosts counted against the budget: failed, or rolled back by their own update. */
  int failed() {
    return (int)
        hosts.values().stream()
            .filter(h -> h.state() == HostState.FAILED || h.state() == HostState.ROLLED_BACK)
            .count();
  }

  int size() {
    return hosts.size();
  }

  List<HostRollout> all() {
    return List.copyOf(hosts.values());
  }
}
