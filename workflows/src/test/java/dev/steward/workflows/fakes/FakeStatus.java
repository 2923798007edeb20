package dev.steward.workflows.fakes;

import dev.steward.workflows.host.RunStatus;
import dev.steward.workflows.host.StatusActivities;
import dev.steward.workflows.host.TargetPlan;
import java.util.ArrayList;
import java.util.List;

/** The status file: every status written is kept. */
public final class FakeStatus implements StatusActivities {
  private final Calls calls;
  private final List<RunStatus> written = new ArrayList<>();

  FakeStatus(Calls calls) {
    this.calls = calls;
  }

  @Override
  public synchronized void writeStatus(TargetPlan plan, RunStatus status) {
    calls.record("writeStatus");
    written.add(status);
  }

  public synchronized List<RunStatus> written() {
    return List.copyOf(written);
  }
}
