package dev.steward.workflows.fakes;

import dev.steward.workflows.host.DiskActivities;
import dev.steward.workflows.host.DiskReport;
import dev.steward.workflows.host.TargetPlan;

/** A disk with room to spare unless the test says otherwise. */
public final class FakeDisk implements DiskActivities {
  private final Calls calls;
  public final Answers<DiskReport> check = new Answers<>(new DiskReport(10L << 30, 1L << 30));

  FakeDisk(Calls calls) {
    this.calls = calls;
  }

  @Override
  public DiskReport checkDisk(TargetPlan plan) {
    calls.record("checkDisk");
    return check.next();
  }
}
