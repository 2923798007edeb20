package dev.steward.worker;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one way tests wait: poll a condition until it holds, or fail saying what was awaited and what
 * was last seen. Never a fixed sleep where something can be observed; the timeout only protects
 * against a hang, so it can be generous.
 */
public final class Await {
  private static final long INTERVAL_MILLIS = 100;

  private Await() {}

  /** Waits until {@code condition} holds. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(what, timeout, condition, () -> "");
  }

  /** Waits until {@code condition} holds; a timeout shows {@code lastSeen}. */
  public static void until(
      String what, Duration timeout, BooleanSupplier condition, Supplier<String> lastSeen) {
    value(what, timeout, () -> condition.getAsBoolean() ? Boolean.TRUE : null, lastSeen);
  }

  /**
   * Polls {@code probe} until it returns a value (not null) and returns that value; a timeout shows
   * {@code lastSeen}. A probe can thus end the wait with a verdict either way (reached, or can
   * never be reached) instead of waiting for the deadline.
   */
  public static <T> T value(
      String what, Duration timeout, Supplier<T> probe, Supplier<String> lastSeen) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() - deadline > 0) {
        String seen = lastSeen.get();
        throw new AssertionError(
            "timed out after "
                + timeout
                + " waiting for "
                + what
                + (seen.isEmpty() ? "" : "; last seen: " + seen));
      }
      pause(Duration.ofMillis(INTERVAL_MILLIS));
    }
  }

  /** Sleeps between polls (or where a test must let time pass, e.g. a worker's restart delay). */
  public static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
