package dev.steward.worker.systemd;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of a worker, chosen from measurement (docs/benchmarks.md, "Worker memory"): a
 * host's worker mostly waits on long polls, so a small heap with the serial collector and C1 only
 * keep it near 100 MB resident instead of the defaults' 250 MB and more. The heap is bounded with
 * room to spare: snapshots and restores stream their files, and command and log output is kept only
 * as a 64 KiB tail. The launchers ({@code scripts/steward-java.sh}) give {@code steward worker} the
 * same options.
 */
public final class WorkerJvm {
  public static final List<String> OPTIONS =
      List.of(
          "-Xms16m",
          "-Xmx128m",
          "-Xss512k",
          "-XX:MaxMetaspaceSize=96m",
          "-XX:ReservedCodeCacheSize=48m",
          "-XX:MaxDirectMemorySize=64m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1");

  private WorkerJvm() {}

  /** {@code launcher} (java, then what it runs) with the options between the two. */
  static List<String> withOptions(List<String> launcher) {
    List<String> argv = new ArrayList<>(launcher.subList(0, 1));
    argv.addAll(OPTIONS);
    argv.addAll(launcher.subList(1, launcher.size()));
    return argv;
  }
}
