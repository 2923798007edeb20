package dev.steward.activities.service;

import dev.steward.workflows.pipeline.HealthProgress;

/**
 * Where a health wait reports how far it is. The worker's sink signals the waiting run ({@link
 * HealthProgressSignals}); tests and the CLI use {@link #NONE}. Reports come already throttled.
 */
@FunctionalInterface
public interface HealthProgressSink {
  /** Reports nowhere. */
  HealthProgressSink NONE = progress -> {};

  /** Takes one report; must return quickly and never throw, since the wait heartbeats meanwhile. */
  void report(HealthProgress progress);
}
