package dev.steward.workflows.fakes;

import dev.steward.workflows.host.CodeActivities;
import dev.steward.workflows.host.CodeUpdate;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.UpdateCheck;
import java.util.ArrayList;
import java.util.List;

/** A checkout at {@link TestPlans#OLD} that the update moves to {@link TestPlans#NEW}. */
public final class FakeCode implements CodeActivities {
  private final Calls calls;
  public final Answers<String> revision = new Answers<>(TestPlans.OLD);
  public final Answers<CodeUpdate> update =
      new Answers<>(new CodeUpdate(TestPlans.OLD, TestPlans.NEW, false, "moved"));

  /** By default a look finds {@link TestPlans#NEW} upstream. */
  public final Answers<UpdateCheck> look =
      new Answers<>(new UpdateCheck(TestPlans.OLD, TestPlans.NEW, true, List.of()));

  public final Answers<List<String>> patches = new Answers<>(List.of());
  public final Answers<Void> reset = new Answers<>(null);
  private final List<String> resetTo = new ArrayList<>();
  private final List<String> updatedTo = new ArrayList<>();

  FakeCode(Calls calls) {
    this.calls = calls;
  }

  @Override
  public String readRevision(TargetPlan plan) {
    calls.record("readRevision");
    return revision.next();
  }

  @Override
  public UpdateCheck checkForUpdate(TargetPlan plan) {
    calls.record("checkForUpdate");
    return look.next();
  }

  /** A pinned look: {@link #look}'s answer, recorded as {@code checkRevision}. */
  @Override
  public UpdateCheck checkRevision(TargetPlan plan, String revision) {
    calls.record("checkRevision");
    return look.next();
  }

  /** The pinned revision, or {@link TestPlans#NEW} for the ref's newest commit. */
  @Override
  public String resolveRevision(TargetPlan plan, String revision) {
    calls.record("resolveRevision");
    return revision == null ? TestPlans.NEW : revision;
  }

  @Override
  public synchronized CodeUpdate updateCodeTo(TargetPlan plan, String key, String revision) {
    calls.record("updateCodeTo");
    updatedTo.add(revision);
    return update.next();
  }

  /** The revisions the update was asked to move to exactly. */
  public synchronized List<String> updatedTo() {
    return List.copyOf(updatedTo);
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
