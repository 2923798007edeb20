package dev.steward.worker.config;

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
 */
public record StewardConfig(
    TemporalSettings temporal,
    String host,
    Map<String, TargetPlan> targets,
    Path source,
    Observability observability,
    Map<String, UpdateSchedule> updateSchedules,
    Set<String> monitoredTargets) {

  /** Copies the collections so the config stays immutable. */
  public StewardConfig {
    targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
    updateSchedules = Collections.unmodifiableMap(new LinkedHashMap<>(updateSchedules));
    monitoredTargets = Collections.unmodifiableSet(new LinkedHashSet<>(monitoredTargets));
  }

  /** A config without {@code metrics:}, {@code logs:}, schedules or kept monitors. */
  public StewardConfig(
      TemporalSettings temporal, String host, Map<String, TargetPlan> targets, Path source) {
    this(temporal, host, targets, source, Observability.DEFAULTS, Map.of(), Set.of());
  }
}
