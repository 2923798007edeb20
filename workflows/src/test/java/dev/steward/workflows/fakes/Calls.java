package dev.steward.workflows.fakes;

import java.util.ArrayList;
import java.util.List;

/** The activity methods the fakes were called with, in order, by method name. */
public final class Calls {
  private final List<String> calls = new ArrayList<>();

  synchronized void record(String method) {
    calls.add(method);
  }

  /** Every call so far. */
  public synchronized List<String> all() {
    return List.copyOf(calls);
  }

  /** How many times {@code method} was called. */
  public synchronized long count(String method) {
    return calls.stream().filter(method::equals).count();
  }

  public boolean has(String method) {
    return count(method) > 0;
  }
}
