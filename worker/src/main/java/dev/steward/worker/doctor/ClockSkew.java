package dev.steward.worker.doctor;

import dev.steward.worker.TemporalConnection;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Measures this host's clock against the server's: it starts a probe run that no worker polls,
 * reads the start time the server stamped on it, and terminates it. Schedules and timers run on the
 * server's clock, status files and logs on the host's: a skew makes them disagree.
 */
final class ClockSkew {
  /** Skew beyond this is worth fixing (chrony or systemd-timesyncd). */
  static final Duration TOLERANCE = Duration.ofSeconds(2);

  private final TemporalConnection connection;
  private final Clock clock;

  ClockSkew(TemporalConnection connection, Clock clock) {
    this.connection = connection;
    this.clock = clock;
  }

  Finding check(String host) {
    WorkflowStub probe =
        connection
            .client()
            .newUntypedWorkflowStub(
                "StewardClockProbe",
                WorkflowOptions.newBuilder()
                    .setWorkflowId("steward-doctor/clock/" + host + "/" + UUID.randomUUID())
                    .setTaskQueue("steward-doctor")
                    .setWorkflowExecutionTimeout(Duration.ofMinutes(1))
                    .build());
    Instant before = clock.instant();
    probe.start();
    Instant after = clock.instant();
    try {
      Instant server = probe.describe().getStartTime();
      Instant local = before.plus(Duration.between(before, after).dividedBy(2));
      return verdict(Duration.between(local, server), Duration.between(before, after));
    } finally {
      probe.terminate("steward doctor clock probe");
    }
  }

  static Finding verdict(Duration skew, Duration roundTrip) {
    long millis = Math.abs(skew.toMillis());
    String detail = millis + " ms (round trip " + roundTrip.toMillis() + " ms)";
    return millis > TOLERANCE.plus(roundTrip).toMillis()
        ? Finding.warn("clock", "off the server's by " + detail + "; sync it (chronyc tracking)")
        : Finding.ok("clock", "within " + detail + " of the server's");
  }
}
