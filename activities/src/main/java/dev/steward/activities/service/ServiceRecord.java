package dev.steward.activities.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.steward.activities.AtomicFiles;
import dev.steward.activities.process.ProcFs;
import dev.steward.activities.process.ProcessStart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The process Steward started for a service, kept in {@code <state>/.steward/service.json} so that
 * a worker started later knows it; the start tells the process from a later one that reused its
 * pid.
 *
 * @param pid the service's pid
 * @param startedAt when that process started, epoch millis (0 when unknown); what people read, and
 *     all that records written before {@code startTicks} have
 * @param startTicks when it started, clock ticks since boot (null in older records)
 * @param argv what was started
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ServiceRecord(long pid, long startedAt, Long startTicks, List<String> argv) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The record of a process just started. */
  static ServiceRecord of(ProcessHandle process, List<String> argv) {
    ProcessStart start = ProcessStart.of(process);
    long millis = start.epochMillis() == null ? 0 : start.epochMillis();
    return new ServiceRecord(process.pid(), millis, start.ticks(), argv);
  }

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
    ProcessStart start = new ProcessStart(startTicks, startedAt == 0 ? null : startedAt);
    return ProcessHandle.of(pid).filter(ProcFs::alive).filter(start::matches);
  }
}
