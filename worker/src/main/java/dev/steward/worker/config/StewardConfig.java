package dev.steward.worker.config;

import dev.steward.workflows.fleet.FleetPlan;
import dev.steward.workflows.host.TargetPlan;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A host's steward.yaml, checked and resolved: every path absolute, every default applied.
 *
 * @param temporal where the Temporal server is, with the environment already applied
 * @param host this host's name, which names its activity task queue
 * @param targets each target's plan by name, in the file's order
 * @param source the config file (absolute)
 * @param observability the worker's metrics endpoint and log directory
 * @param updateSchedules the update schedule of each target that has one, by target name
 * @param monitoredTargets the targets whose monitor {@code steward schedule apply} keeps running
 * @param fleets the fleets this host can roll out ({@code fleets:}), by name, batches resolved
 * @param rolloutSchedules the rollout schedule of each fleet that has one, by fleet name
 */
public record StewardConfig(
    TemporalSettings temporal,
    String host,
    Map<String, TargetPlan> targets,
    Path source,
    Observability observability,
    Map<String, UpdateSchedule> updateSchedules,
    Set<String> monitoredTargets,
    Map<String, FleetPlan> fleets,
    Map<String, UpdateSchedule> rolloutSchedules) {

  /** Copies the collections so the config stays immutable. */
  public StewardConfig {
    fleets = Collections.unmodifiableMap(new LinkedHashMap<>(fleets));
    rolloutSchedules = Collections.unmodifiableMap(new LinkedHashMap<>(rolloutSchedules));
    targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    updateSchedules = Collections.unmodifiableMap(new LinkedHashMap<>(updateSchedules));
    monitoredTargets = Collections.unmodifiableSet(new LinkedHashSet<>(monitoredTargets));
  }

  /** A config without {@code metrics:}, {@code logs:}, schedules, kept monitors or fleets. */
  public StewardConfig(
      TemporalSettings temporal, String host, Map<String, TargetPlan> targets, Path source) {
    this(
        temporal,
        host,
        targets,
        source,
        Observability.DEFAULTS,
        Map.of(),
        Set.of(),
        Map.of(),
        Map.of());
  }

  /**
   * The update schedules {@code steward schedule apply} keeps: every target's, except a target of
   * this host in a fleet with a rollout schedule, which the rollout updates instead.
   */
  public Map<String, UpdateSchedule> nightlyUpdateSchedules() {
    Map<String, UpdateSchedule> nightly = new LinkedHashMap<>(updateSchedules);
    rolloutSchedules.keySet().stream()
        .map(fleets::get)
        .filter(fleet -> fleet.hosts().contains(host))
        .forEach(fleet -> nightly.remove(fleet.target()));
    return Collections.unmodifiableMap(nightly);
  }
}
