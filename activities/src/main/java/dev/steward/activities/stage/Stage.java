package dev.steward.activities.stage;

import dev.steward.workflows.host.StageReport;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The steps of one stage as they run: each timed, each failure kept with its type and retryability,
 * so the stage can fail as its first failed step would have on its own, with the report attached.
 */
final class Stage {
  private final List<StageReport.Part> parts = new ArrayList<>();
  private ApplicationFailure first;

  /**
   * Runs the step named {@code step} (a {@code Step} constant); its value, or null if it failed.
   */
  <T> T run(String step, Supplier<T> action) {
    long start = System.nanoTime();
    try {
      T value = action.get();
      parts.add(new StageReport.Part(step, millisSince(start), null, null));
      return value;
    } catch (RuntimeException e) {
      ApplicationFailure failure = asFailure(e);
      parts.add(
          new StageReport.Part(
              step, millisSince(start), failure.getOriginalMessage(), failure.getType()));
      if (first == null) {
        first = failure;
      }
      return null;
    }
  }

  boolean failed() {
    return first != null;
  }

  List<StageReport.Part> parts() {
    return List.copyOf(parts);
  }

  /**
   * Returns {@code report} when every step succeeded; else fails as the first failed step did (a
   * retry, if that failure allows one, runs the whole stage again), with {@code report} attached.
   */
  StageReport report(StageReport report) {
    if (first == null) {
      return report;
    }
    throw first.isNonRetryable()
        ? ApplicationFailure.newNonRetryableFailure(
            first.getOriginalMessage(), first.getType(), report)
        : ApplicationFailure.newFailure(first.getOriginalMessage(), first.getType(), report);
  }

  /** A step's failure as its own activity would have reported it. */
  private static ApplicationFailure asFailure(RuntimeException e) {
    if (e instanceof ApplicationFailure application) {
      return application;
    }
    // Activity.wrap puts a checked exception in a runtime one; the SDK reports the checked one.
    Throwable cause =
        e.getCause() != null && !(e.getCause() instanceof RuntimeException) ? e.getCause() : e;
    return ApplicationFailure.newFailure(
        String.valueOf(cause.getMessage()), cause.getClass().getName());
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
