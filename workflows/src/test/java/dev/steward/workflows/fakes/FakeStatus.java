package dev.steward.workflows.fakes;

import dev.steward.workflows.host.GoodRelease;
import dev.steward.workflows.host.RunStatus;
import dev.steward.workflows.host.StatusActivities;
import dev.steward.workflows.host.TargetPlan;
import java.util.ArrayList;
import java.util.List;

/** The status file: every status written is kept. */
public final class FakeStatus implements StatusActivities {
  private final Calls calls;
  private final List<RunStatus> written = new ArrayList<>();

  /** No last known good release until a test gives one. */
  public final Answers<GoodRelease> good = new Answers<>(null);

  public final Answers<GoodRelease> marked = new Answers<>(TestPlans.GOOD);

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

  @Override
  public GoodRelease readGoodRelease(TargetPlan plan) {
    calls.record("readGoodRelease");
    return good.next();
  }

  @Override
  public GoodRelease markGoodRelease(TargetPlan plan, String workflowId) {
    calls.record("markGoodRelease");
    return marked.next();
  }
}
