package dev.steward.workflows.fakes;

import io.temporal.failure.ApplicationFailure;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * What one fake activity method answers, call after call: answers in turn, the last one repeating.
 * A failure is non-retryable, so a test never waits through the stubs' retry backoff.
 *
 * @param <T> the method's result ({@code Void} for a method that returns nothing)
 */
public final class Answers<T> {
  private final Deque<Supplier<T>> queue = new ArrayDeque<>();
  private Supplier<T> last;

  Answers(T initial) {
    last = () -> initial;
  }

  /** Answers {@code value} from now on. */
  public synchronized Answers<T> always(T value) {
    queue.clear();
    last = () -> value;
    return this;
  }

  /** Answers each value once, in turn, then repeats the last. */
  @SafeVarargs
  public final synchronized Answers<T> inTurn(T... values) {
    queue.clear();
    for (int i = 0; i < values.length - 1; i++) {
      T value = values[i];
      queue.add(() -> value);
    }
    T lastValue = values[values.length - 1];
    last = () -> lastValue;
    return this;
  }

  /** Answers once with {@code first}, then fails with {@code type} from the next call on. */
  public synchronized Answers<T> thenFails(T first, String type, String message) {
    queue.clear();
    queue.add(() -> first);
    last = failure(type, message);
    return this;
  }

  /** Fails every call with an {@code ApplicationFailure} of {@code type}. */
  public synchronized Answers<T> fails(String type, String message) {
    queue.clear();
    last = failure(type, message);
    return this;
  }

  synchronized T next() {
    return queue.isEmpty() ? last.get() : queue.poll().get();
  }

  private Supplier<T> failure(String type, String message) {
    return () -> {
      throw ApplicationFailure.newNonRetryableFailure(message, type);
    };
  }
}
