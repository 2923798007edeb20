package dev.steward.workflows.fakes;

import dev.steward.workflows.host.Hold;
import dev.steward.workflows.host.HoldActivities;
import dev.steward.workflows.host.TargetPlan;
import java.util.ArrayList;
import java.util.List;

/** Holds: none unless the test puts one; the holds the workflows put are kept. */
public final class FakeHolds implements HoldActivities {
  private final Calls calls;
  public final Answers<Hold> current = new Answers<>(null);
  private final List<Hold> put = new ArrayList<>();

  FakeHolds(Calls calls) {
    this.calls = calls;
  }

  @Override
  public Hold readHold(TargetPlan plan) {
    calls.record("readHold");
    return current.next();
  }

  @Override
  public synchronized void putHold(TargetPlan plan, Hold hold) {
    calls.record("putHold");
    put.add(hold);
  }

  @Override
  public Hold releaseHold(TargetPlan plan) {
    calls.record("releaseHold");
    return current.next();
  }

  /** The holds the workflows put, in order. */
  public synchronized List<Hold> put() {
    return List.copyOf(put);
  }
}
