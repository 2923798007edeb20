package dev.steward.worker.config;

import java.nio.file.Path;

/**
 * How the worker can be watched: {@code metrics: {port: 9464}} and {@code logs: {dir: PATH}}.
 *
 * @param metricsPort the loopback port serving Prometheus metrics, or null for none
 * @param logDir where {@code steward worker} writes its daily log files when it is not under
 *     systemd, or null for the default ({@code /var/log/steward} as root, else {@code
 *     ~/.local/state/steward/logs})
 */
public record Observability(Integer metricsPort, Path logDir) {
  /** No metrics endpoint, logs in the default place. */
  public static final Observability DEFAULTS = new Observability(null, null);
}
