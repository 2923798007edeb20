package dev.steward.workflows.fakes;

import dev.steward.workflows.host.CodeActivities;
import dev.steward.workflows.host.CodeUpdate;
import dev.steward.workflows.host.TargetPlan;
import java.util.ArrayList;
import java.util.List;

/** A checkout at {@link TestPlans#OLD} that the update moves to {@link TestPlans#NEW}. */
public final class FakeCode implements CodeActivities {
  private final Calls calls;
  public final Answers<String> revision = new Answers<>(TestPlans.OLD);
  public final Answers<CodeUpdate> update =
      new Answers<>(new CodeUpdate(TestPlans.OLD, TestPlans.NEW, false, "moved"));
  public final Answers<List<String>> patches = new Answers<>(List.of());
  public final Answers<Void> reset = new Answers<>(null);
  private final List<String> resetTo = new ArrayList<>();

  FakeCode(Calls calls) {
    this.calls = calls;
  }

  @Override
  public String readRevision(TargetPlan plan) {
    calls.record("readRevision");
    return revision.next();
  }

  @Override
  public CodeUpdate updateCode(TargetPlan plan, String key) {
    calls.record("updateCode");
    return update.next();
  }

  @Override
  public List<String> applyPatches(TargetPlan plan) {
    calls.record("applyPatches");
    return patches.next();
  }

  @Override
  public synchronized void resetCode(TargetPlan plan, String revision) {
    calls.record("resetCode");
    resetTo.add(revision);
    reset.next();
  }

  /** The revisions a rollback asked the checkout to go back to. */
  public synchronized List<String> resetTo() {
    return List.copyOf(resetTo);
  }
}
