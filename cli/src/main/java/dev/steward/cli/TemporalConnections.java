package dev.steward.cli;

import dev.steward.worker.TemporalConnection;
import dev.steward.worker.config.TemporalSettings;

/** Opens the connection that commands which talk to a configured server use. */
final class TemporalConnections {
  private TemporalConnections() {}

  /** Connects to the configured server; the caller has checked that one is configured. */
  static TemporalConnection open(TemporalSettings temporal) {
    return TemporalConnection.connect(temporal);
  }
}
