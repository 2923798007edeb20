package dev.steward.worker.recovery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Pipelines;
import dev.steward.worker.StewardTestServers;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.pipeline.StepResult;
import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.recovery.RecoveryWorkflow;
import dev.steward.workflows.recovery.RestoreRequest;
import dev.steward.workflows.recovery.RestoreWorkflow;
import dev.steward.workflows.update.UpdateResult;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real target and a real worker on Temporal's test server with time skipping: workflow timers (a
 * provider wait, a monitor's cycle) pass at once, while the activities run for real.
 */
final class RecoveryHarness implements AutoCloseable {
  static final String HOST = "test-host";

  final TestTarget target;
  final TestWorkflowEnvironment env;
  final ServiceActivitiesImpl service = new ServiceActivitiesImpl();
  private final WorkerFactory worker;

  /**
   * The last recovery or restore run's workflow id, for {@code HistoryRecorder}; null before any.
   */
  String lastRecoveryId;

  RecoveryHarness(Path root) throws IOException {
    this(root, true);
  }

  /**
   * @param timeSkipping whether workflow timers pass at once; off to measure real durations
   */
  RecoveryHarness(Path root, boolean timeSkipping) throws IOException {
    target = TestTarget.create(root);
    env = StewardTestServers.newEnvironment(timeSkipping);
    worker = StewardTestServers.startWorker(env, target.config(), HOST);
  }

  TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }

  void startHealthy() {
    service.restartService(plan());
    assertTrue(service.verifyHealth(plan()).healthy(), "the first release should be healthy");
  }

  /** Kills the service's whole process tree with SIGKILL, as a crash would, and waits for it. */
  void killService() throws IOException {
    Path record = target.state().resolve(".steward/service.json");
    String json = Files.readString(record);
    long pid = Long.parseLong(json.replaceAll("(?s).*\"pid\"\\s*:\\s*(\\d+).*", "$1"));
    ProcessHandle.of(pid)
        .ifPresent(
            p -> {
              p.descendants().forEach(ProcessHandle::destroyForcibly);
              p.destroyForcibly();
              p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
  }

  /** Writes data the service refuses to start with. */
  void corruptData() throws IOException {
    Files.writeString(target.state().resolve("schema.txt"), "corrupt\n");
  }

  RecoveryResult recover() {
    RecoveryWorkflow run =
        Pipelines.startRecovery(env.getWorkflowClient(), TestTarget.NAME, HOST, Clock.systemUTC());
    lastRecoveryId = WorkflowStub.fromTyped(run).getExecution().getWorkflowId();
    return WorkflowStub.fromTyped(run).getResult(RecoveryResult.class);
  }

  /** A person's restore of {@code snapshot}, a file name in the target's snapshot directory. */
  RecoveryResult restore(String snapshot) {
    RestoreWorkflow run =
        Pipelines.startRestore(
            env.getWorkflowClient(),
            new RestoreRequest(TestTarget.NAME, HOST, snapshot),
            Clock.systemUTC());
    lastRecoveryId = WorkflowStub.fromTyped(run).getExecution().getWorkflowId();
    return WorkflowStub.fromTyped(run).getResult(RecoveryResult.class);
  }

  UpdateResult update() {
    UpdateWorkflow run =
        Pipelines.startUpdate(env.getWorkflowClient(), TestTarget.NAME, HOST, Clock.systemUTC());
    return WorkflowStub.fromTyped(run).getResult(UpdateResult.class);
  }

  static List<String> stepNames(List<StepResult> steps) {
    return steps.stream().map(StepResult::name).toList();
  }

  @Override
  public void close() {
    try {
      service.stopService(plan());
    } finally {
      worker.shutdownNow();
      worker.awaitTermination(5, TimeUnit.SECONDS);
      env.close();
    }
  }
}
