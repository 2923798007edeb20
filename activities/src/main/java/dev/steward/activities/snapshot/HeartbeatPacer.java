package dev.steward.activities.snapshot;

import dev.steward.activities.process.Commands;

/**
 * Heartbeats at most once a second from a loop over many files, so a long archive or restore shows
 * the worker alive without paying for a heartbeat per file.
 */
final class HeartbeatPacer {
  private static final long INTERVAL_NANOS = 1_000_000_000L;

  private long next = System.nanoTime();

  /** Heartbeats when a second has passed since the last one. */
  void tick() {
    long now = System.nanoTime();
    if (now - next >= 0) {
      Commands.heartbeatIfInActivity();
      next = now + INTERVAL_NANOS;
    }
  }
}
