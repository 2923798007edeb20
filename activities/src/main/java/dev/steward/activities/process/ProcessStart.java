package dev.steward.activities.process;

import java.util.Optional;

/**
 * When a process started, recorded beside its pid to tell it from a later process that got the same
 * pid.
 *
 * <p>The comparison is on clock ticks since boot ({@code /proc/<pid>/stat}), which never change for
 * a process. The JDK's {@code ProcessHandle.Info.startInstant()} is not stable across JVMs: each
 * JVM adds the ticks to the boot time it read once from {@code /proc/stat}, and that moves whenever
 * the wall clock is stepped. A worker started after such a step took a live service for a reused
 * pid, did not stop it, and started the new release beside it ("Address already in use").
 *
 * @param ticks clock ticks since boot; null in records written before Steward kept them
 * @param epochMillis the JDK's start instant, for people reading the record and for old records;
 *     null when the system does not say
 */
public record ProcessStart(Long ticks, Long epochMillis) {
  // Old records have only the instant; allow for the boot-time drift described above.
  private static final long OLD_RECORD_TOLERANCE_MILLIS = 2_000;

  /** The start of a live process (fields null when it has gone meanwhile). */
  public static ProcessStart of(ProcessHandle process) {
    return new ProcessStart(
        ProcFs.stat(process.pid()).map(ProcFs.Stat::startTicks).orElse(null),
        process.info().startInstant().map(i -> i.toEpochMilli()).orElse(null));
  }

  /** Whether {@code process} is the one this start was recorded for; unknown starts match. */
  public boolean matches(ProcessHandle process) {
    if (ticks != null) {
      return ProcFs.stat(process.pid()).map(s -> s.startTicks() == ticks).orElse(false);
    }
    if (epochMillis == null) {
      return true;
    }
    Optional<Long> started = process.info().startInstant().map(i -> i.toEpochMilli());
    return started.isEmpty()
        || Math.abs(started.get() - epochMillis) <= OLD_RECORD_TOLERANCE_MILLIS;
  }
}
