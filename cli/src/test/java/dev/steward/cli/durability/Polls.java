package dev.steward.cli.durability;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by polling it: no fixed sleeps where something can be observed. */
public final class Polls {
  private static final long INTERVAL_MILLIS = 100;

  private Polls() {}

  public static void await(String what, Duration timeout, BooleanSupplier condition) {
    await(what, timeout, condition, () -> "");
  }

  /** Like {@link #await(String, Duration, BooleanSupplier)}, showing {@code last} on a timeout. */
  public static void await(
      String what, Duration timeout, BooleanSupplier condition, Supplier<String> last) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout + " waiting for " + what + "\n" + last.get());
      }
      pause(INTERVAL_MILLIS);
    }
  }

  public static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
