package dev.steward.workflows.fakes;

import dev.steward.workflows.host.PipelineActivities;
import dev.steward.workflows.host.TargetPlan;

/** The host's config and lock: the plan the test set, a lock that is free unless told. */
public final class FakePipeline implements PipelineActivities {
  private final Calls calls;
  public final Answers<TargetPlan> plan = new Answers<>(TestPlans.plan());
  public final Answers<Void> lock = new Answers<>(null);

  FakePipeline(Calls calls) {
    this.calls = calls;
  }

  @Override
  public TargetPlan resolvePlan(String target) {
    calls.record("resolvePlan");
    return plan.next();
  }

  @Override
  public void acquireLock(TargetPlan plan, String workflowId) {
    calls.record("acquireLock");
    lock.next();
  }

  @Override
  public void releaseLock(TargetPlan plan, String workflowId) {
    calls.record("releaseLock");
  }
}
