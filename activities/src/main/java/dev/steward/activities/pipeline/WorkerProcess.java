package dev.steward.activities.pipeline;

import dev.steward.activities.process.ProcessStart;
import java.util.Optional;

/**
 * A process known by its pid and start: the pid alone may have been reused by the time anyone asks
 * about it.
 */
public record WorkerProcess(long pid, ProcessStart start) {

  /** This JVM. */
  public static WorkerProcess current() {
    ProcessHandle self = ProcessHandle.current();
    return new WorkerProcess(self.pid(), ProcessStart.of(self));
  }

  /** The worker that took {@code lock}. */
  public static WorkerProcess lockTaker(LockRecord lock) {
    return new WorkerProcess(
        lock.pid(), new ProcessStart(lock.pidStartTicks(), lock.pidStartedAtMillis()));
  }

  /** Whether that very process still runs: same pid, same start (when known). */
  public boolean isAlive() {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    return handle.isPresent() && handle.get().isAlive() && start.matches(handle.get());
  }

  /** Whether this is the JVM asking. */
  public boolean isThisJvm() {
    return pid == ProcessHandle.current().pid();
  }
}
