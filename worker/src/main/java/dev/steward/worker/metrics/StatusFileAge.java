package dev.steward.worker.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.status.StatusActivitiesImpl;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** How long ago a target's status file recorded a successful update. */
final class StatusFileAge {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Clock clock;

  StatusFileAge(Path state, Clock clock) {
    this.file = state.resolve(StatusActivitiesImpl.FILE_NAME);
    this.clock = clock;
  }

  /** Seconds since the last success, or NaN when the file is missing or records no success. */
  double secondsSinceSuccess() {
    try {
      JsonNode status = JSON.readTree(file.toFile());
      if (!"success".equals(status.path("status").asText())) {
        return Double.NaN;
      }
      Instant at = Instant.parse(status.path("timestamp").asText());
      return Duration.between(at, clock.instant()).toMillis() / 1000.0;
    } catch (IOException | DateTimeParseException e) {
      return Double.NaN;
    }
  }
}
