package dev.steward.activities.pipeline;

import java.time.Instant;
import java.util.Optional;

/**
 * A process known by its pid and start time: the pid alone may have been reused by the time anyone
 * asks about it.
 */
public record WorkerProcess(long pid, Long startedAtMillis) {

  /** This JVM. */
  public static WorkerProcess current() {
    ProcessHandle self = ProcessHandle.current();
    return new WorkerProcess(self.pid(), startedAtMillis(self).orElse(null));
  }

  /** Whether that very process still runs: same pid, same start time (when both are known). */
  public boolean isAlive() {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    Optional<Long> started = startedAtMillis(handle.get());
    return startedAtMillis == null || started.isEmpty() || started.get().equals(startedAtMillis);
  }

  /** Whether this is the JVM asking. */
  public boolean isThisJvm() {
    return pid == ProcessHandle.current().pid();
  }

  private static Optional<Long> startedAtMillis(ProcessHandle handle) {
    return handle.info().startInstant().map(Instant::toEpochMilli);
  }
}
