package dev.steward.workflows.fakes;

import dev.steward.workflows.host.DiskReport;
import dev.steward.workflows.host.FinishRequest;
import dev.steward.workflows.host.GoodRelease;
import dev.steward.workflows.host.RunStatus;
import dev.steward.workflows.host.StageActivities;
import dev.steward.workflows.host.StageReport;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The stages as the worker runs them, made of the other fakes: each step is the fake's own call
 * (recorded in {@link Calls} under its own name), and a failed step fails the stage with the report
 * attached, as the real one does.
 */
public final class FakeStages implements StageActivities {
  private final FakeDisk disk;
  private final FakeCode code;
  private final FakeSnapshots snapshots;
  private final FakeStatus status;

  FakeStages(FakeDisk disk, FakeCode code, FakeSnapshots snapshots, FakeStatus status) {
    this.disk = disk;
    this.code = code;
    this.snapshots = snapshots;
    this.status = status;
  }

  @Override
  public StageReport checkDiskAndReadRevision(TargetPlan plan) {
    Parts parts = new Parts();
    DiskReport report = parts.run("DISK", () -> disk.checkDisk(plan));
    String revision = parts.failed() ? null : parts.run("REVISION", () -> code.readRevision(plan));
    return parts.report(new StageReport(parts.done, report, revision, null, null));
  }

  @Override
  public StageReport finishUpdate(TargetPlan plan, FinishRequest request) {
    Parts parts = new Parts();
    RunStatus line = request.status();
    String revision = line.postRevision();
    if (request.readRevision()) {
      try {
        revision = code.readRevision(plan);
      } catch (RuntimeException e) {
        revision = null;
      }
      line =
          new RunStatus(
              line.status(),
              line.timestamp(),
              line.preRevision(),
              revision,
              line.outcome(),
              line.workflowId(),
              line.snapshot(),
              line.message());
    }
    List<String> pruned =
        request.pruneKeeping() == null
            ? null
            : parts.run("PRUNE", () -> snapshots.pruneSnapshots(plan, request.pruneKeeping()));
    GoodRelease good =
        request.markGood()
            ? parts.run(
                "MARK_GOOD", () -> status.markGoodRelease(plan, request.status().workflowId()))
            : null;
    RunStatus written = line;
    parts.run(
        "STATUS",
        () -> {
          status.writeStatus(plan, written);
          return null;
        });
    return parts.report(new StageReport(parts.done, null, revision, pruned, good));
  }

  private static final class Parts {
    final List<StageReport.Part> done = new ArrayList<>();
    ApplicationFailure first;

    <T> T run(String step, Supplier<T> action) {
      try {
        T value = action.get();
        done.add(new StageReport.Part(step, 1, null, null));
        return value;
      } catch (ApplicationFailure e) {
        done.add(new StageReport.Part(step, 1, e.getOriginalMessage(), e.getType()));
        first = first == null ? e : first;
        return null;
      }
    }

    boolean failed() {
      return first != null;
    }

    StageReport report(StageReport report) {
      if (first == null) {
        return report;
      }
      throw first.isNonRetryable()
          ? ApplicationFailure.newNonRetryableFailure(
              first.getOriginalMessage(), first.getType(), report)
          : ApplicationFailure.newFailure(first.getOriginalMessage(), first.getType(), report);
    }
  }
}
