package dev.steward.worker.config;

import dev.steward.workflows.host.TargetPlan;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A host's steward.yaml, checked and resolved: every path absolute, every default applied.
 *
 * @param temporal where the Temporal server is, with the environment already applied
 * @param host this host's name, which names its activity task queue
 * @param targets each target's plan by name, in the file's order
 * @param source the config file (absolute)
 * @param observability the worker's metrics endpoint and log directory
 */
public record StewardConfig(
    TemporalSettings temporal,
    String host,
    Map<String, TargetPlan> targets,
    Path source,
    Observability observability) {

  /** A config without {@code metrics:} or {@code logs:}. */
  public StewardConfig(
      TemporalSettings temporal, String host, Map<String, TargetPlan> targets, Path source) {
    this(temporal, host, targets, source, Observability.DEFAULTS);
  }

  /** Copies {@code targets} so the config stays immutable. */
  public StewardConfig {
    targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
  }
}
