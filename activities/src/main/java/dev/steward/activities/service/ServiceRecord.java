package dev.steward.activities.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.steward.activities.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The process Steward started for a service, kept in {@code <state>/.steward/service.json} so that
 * a worker started later knows it; the start time tells the process from a later one that reused
 * its pid.
 *
 * @param pid the service's pid
 * @param startedAt when that process started, epoch millis (0 when unknown)
 * @param argv what was started
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ServiceRecord(long pid, long startedAt, List<String> argv) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Reads the record, or empty when there is none (or it is unreadable). */
  static Optional<ServiceRecord> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), ServiceRecord.class));
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  /** Writes the record atomically: a crash leaves the old record or the new one. */
  void write(Path file) throws IOException {
    AtomicFiles.write(file, JSON.writeValueAsBytes(this));
  }

  /** The recorded process, when it is still the one that was started and has not exited. */
  Optional<ProcessHandle> liveProcess() {
    return ProcessHandle.of(pid)
        .filter(ProcFs::alive)
        .filter(p -> startedAt == 0 || startMillis(p) == startedAt);
  }

  /** When a process started, epoch millis, or 0 when the system does not say. */
  static long startMillis(ProcessHandle process) {
    return process.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
  }
}
