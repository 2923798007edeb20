package dev.steward.worker.update;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Pipelines;
import dev.steward.worker.StewardTestServers;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.pipeline.StepResult;
import dev.steward.workflows.update.UpdateResult;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.TestInfo;

/**
 * A real target with its first release running healthy, and a real worker on Temporal's test server
 * (no time skipping): what the update pipeline's end-to-end tests run against.
 */
public final class UpdateHarness implements AutoCloseable {
  static final String HOST = "test-host";

  final TestTarget target;
  final TestWorkflowEnvironment env;
  final ServiceActivitiesImpl service = new ServiceActivitiesImpl();
  private final WorkerFactory worker;

  /** The last update run's workflow id, for {@code HistoryRecorder}; null before any. */
  String lastWorkflowId;

  UpdateHarness(Path root) throws IOException {
    target = TestTarget.create(root);
    env = StewardTestServers.newEnvironment(false);
    worker = StewardTestServers.startWorker(env, target.config(), HOST);
    service.restartService(plan());
    assertTrue(service.verifyHealth(plan()).healthy(), "the first release should be healthy");
  }

  UpdateResult runUpdate() {
    UpdateWorkflow run =
        Pipelines.startUpdate(env.getWorkflowClient(), TestTarget.NAME, HOST, Clock.systemUTC());
    lastWorkflowId = WorkflowStub.fromTyped(run).getExecution().getWorkflowId();
    return WorkflowStub.fromTyped(run).getResult(UpdateResult.class);
  }

  /** The run's search attributes, as the web UI and {@code steward history} filter on them. */
  SearchAttributes labels(UpdateResult result) {
    return env.getWorkflowClient()
        .newUntypedWorkflowStub(result.workflowId())
        .describe()
        .getTypedSearchAttributes();
  }

  TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }

  Map<String, Object> status() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> status =
        new ObjectMapper().readValue(target.statusFile().toFile(), Map.class);
    return status;
  }

  /** The last step of the run named {@code name}. */
  public static StepResult step(UpdateResult result, String name) {
    return result.steps().stream()
        .filter(s -> s.name().equals(name))
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no step " + name + " in " + result.steps()));
  }

  /** Records the last run's history when asked, then stops the service, the worker and server. */
  void close(TestInfo test) throws Exception {
    // Before the environment closes: its history is gone with it.
    HistoryRecorder.recordIfAsked(env.getWorkflowClient(), test, lastWorkflowId);
    close();
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
