package dev.steward.workflows.fakes;

import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.notify.NotifyWorkflowImpl;
import dev.steward.workflows.recovery.RecoveryWorkflowImpl;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.time.Instant;

/**
 * One host's activities as hand-written fakes, each answering what the test sets, all calls
 * recorded in {@link #calls}. The workflows under test reach them on the host's task queue, as they
 * reach a real worker; the child workflows (a notice, a monitor's recovery) run on Steward's
 * workflow queue beside them.
 */
public final class FakeHost {
  /** The host of every test plan. */
  public static final String HOST = TestPlans.HOST;

  /** Workflow time at the start of each test: a Monday, 02:30 UTC. */
  public static final Instant START = Instant.parse("2026-06-01T02:30:00Z");

  public final Calls calls = new Calls();
  public final FakePipeline pipeline = new FakePipeline(calls);
  public final FakeHolds holds = new FakeHolds(calls);
  public final FakeDisk disk = new FakeDisk(calls);
  public final FakeCode code = new FakeCode(calls);
  public final FakeSnapshots snapshots = new FakeSnapshots(calls);
  public final FakeService service = new FakeService(calls);
  public final FakeStatus status = new FakeStatus(calls);
  public final FakeRecovery recovery = new FakeRecovery(calls);
  public final FakeNotify notify = new FakeNotify(calls);
  public final FakeMonitor monitor = new FakeMonitor(calls);
  public final FakeStages stages = new FakeStages(disk, code, snapshots, status);

  private FakeHost() {}

  /**
   * The test environment for {@code workflows}: time skipping, workflow time from {@link #START},
   * not started until {@link #startOn} has added the host's worker.
   */
  public static TestWorkflowExtension extension(Class<?>... workflows) {
    return TestWorkflowExtension.newBuilder()
        .registerWorkflowImplementationTypes(workflows)
        .setWorkerOptions(patientWorker())
        .setInitialTime(START)
        .setDoNotStart(true)
        .build();
  }

  /** Registers a new set of fakes on the host's queue and the child workflows, and starts. */
  public static FakeHost startOn(TestWorkflowEnvironment env) {
    FakeHost host = new FakeHost();
    env.newWorker(TaskQueues.forHost(HOST))
        .registerActivitiesImplementations(
            host.pipeline,
            host.holds,
            host.disk,
            host.code,
            host.snapshots,
            host.service,
            host.status,
            host.recovery,
            host.notify,
            host.monitor,
            host.stages);
    env.newWorker(TaskQueues.WORKFLOWS, patientWorker())
        .registerWorkflowImplementationTypes(NotifyWorkflowImpl.class, RecoveryWorkflowImpl.class);
    env.start();
    return host;
  }

  /** A loaded build machine can starve a workflow thread for longer than the default second. */
  private static WorkerOptions patientWorker() {
    return WorkerOptions.newBuilder()
        .setDefaultDeadlockDetectionTimeout(Duration.ofMinutes(1).toMillis())
        .build();
  }
}
