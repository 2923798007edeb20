package dev.steward.worker.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which faults a test asks a worker process to inject, read from {@code STEWARD_TEST_FAULTS}: a
 * {@code ;}-separated list of {@code TARGET:KIND@ActivityType[#N][/AfterType]}, where {@code N}
 * counts the calls of that activity type in one run (default 1) — only those after the run's first
 * call of {@code AfterType}, when given (a step whose count before it depends on a branch), and
 * {@code STEWARD_TEST_FAULT_DIR}, where the injector leaves marker files the test waits for.
 * Test-only: see {@link FaultInjector}.
 *
 * @param faults the faults, in the order given
 * @param markers the directory for marker files
 */
public record FaultPlan(List<Fault> faults, Path markers) {
  /** The environment variable naming the faults. */
  public static final String FAULTS_ENV = "STEWARD_TEST_FAULTS";

  /** The environment variable naming the marker directory. */
  public static final String DIR_ENV = "STEWARD_TEST_FAULT_DIR";

  /** What goes wrong. */
  public enum Kind {
    /** The activity fails with a non-retryable error on every attempt. */
    FAIL,
    /** The first attempt throws an unhandled {@link Error}; the retry runs normally. */
    CRASH,
    /** The first attempt blocks without heartbeats until its timeout; the retry runs normally. */
    HANG,
    /** The first attempt blocks, heartbeating, so the test can kill the worker mid-step. */
    HOLD,
    /** The activity runs; every later activity of the run blocks, so the test can kill then. */
    HOLD_AFTER
  }

  /**
   * One fault: at the {@code occurrence}-th call of {@code activityType} in a run of target,
   * counted from the run's first call of {@code after} when that is not null.
   */
  public record Fault(
      String target, Kind kind, String activityType, int occurrence, String after) {}

  /** The plan in this process's environment, if any. */
  public static Optional<FaultPlan> fromEnvironment(Map<String, String> env) {
    String spec = env.get(FAULTS_ENV);
    if (spec == null || spec.isBlank()) {
      return Optional.empty();
    }
    String dir = env.getOrDefault(DIR_ENV, System.getProperty("java.io.tmpdir"));
    return Optional.of(new FaultPlan(parse(spec), Path.of(dir)));
  }

  static List<Fault> parse(String spec) {
    List<Fault> faults = new ArrayList<>();
    for (String item : spec.split(";")) {
      if (item.isBlank()) {
        continue;
      }
      String[] targetRest = item.trim().split(":", 2);
      String[] kindRest = targetRest[1].split("@", 2);
      String[] callAfter = kindRest[1].split("/", 2);
      String[] typeCount = callAfter[0].split("#", 2);
      faults.add(
          new Fault(
              targetRest[0],
              Kind.valueOf(kindRest[0].toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
              typeCount[0],
              typeCount.length > 1 ? Integer.parseInt(typeCount[1]) : 1,
              callAfter.length > 1 ? callAfter[1] : null));
    }
    return faults;
  }

  /**
   * The fault for this call, if one is planned.
   *
   * @param occurrence which call of its type this is, counted after the given type's first call (or
   *     from the run's start, for null)
   */
  Optional<Fault> find(
      String target, String activityType, java.util.function.Function<String, Integer> occurrence) {
    return faults.stream()
        .filter(
            f ->
                f.target().equals(target)
                    && f.activityType().equals(activityType)
                    && f.occurrence() == occurrence.apply(f.after()))
        .findFirst();
  }
}
