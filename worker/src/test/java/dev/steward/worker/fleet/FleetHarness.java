package dev.steward.worker.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.StewardTestServers;
import dev.steward.worker.StewardWorker;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.update.HistoryRecorder;
import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.fleet.BudgetAction;
import dev.steward.workflows.fleet.FleetApproval;
import dev.steward.workflows.fleet.FleetPlan;
import dev.steward.workflows.fleet.FleetRolloutRequest;
import dev.steward.workflows.fleet.FleetRolloutResult;
import dev.steward.workflows.fleet.FleetRolloutWorkflow;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.TestInfo;

/**
 * A fleet on this machine: hosts {@code vps-1} … {@code vps-N}, each a real target of its own (git
 * checkout cloned from one shared upstream, state directory, service on its own port, its own
 * steward.yaml naming its host) and its own worker on its own {@code steward-host-<host>} queue,
 * all on one Temporal test server (no time skipping). {@code vps-1} is the host that starts
 * rollouts: its worker answers the fleet the test sets.
 */
final class FleetHarness implements AutoCloseable {
  static final String FLEET = "gateways";
  static final String STARTER = "vps-1";

  final TestWorkflowEnvironment env = StewardTestServers.newEnvironment(false);
  final Map<String, TestTarget> targets = new LinkedHashMap<>();
  private final Map<String, WorkerFactory> workers = new LinkedHashMap<>();
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();
  private volatile FleetPlan fleet;

  /** The last rollout's workflow id, for {@code HistoryRecorder}; null before any. */
  String lastWorkflowId;

  /** {@code hosts} targets, each with its first release running healthy. */
  FleetHarness(Path root, int hosts) throws IOException {
    TestTarget first = null;
    for (int i = 1; i <= hosts; i++) {
      String host = "vps-" + i;
      Path dir = Files.createDirectories(root.resolve(host));
      TestTarget target =
          first == null ? TestTarget.createOnHost(dir, host) : TestTarget.onHost(dir, first, host);
      first = first == null ? target : first;
      targets.put(host, target);
      service.restartService(plan(host));
      assertTrue(service.verifyHealth(plan(host)).healthy(), host + "'s first release is healthy");
    }
  }

  /** Starts a worker for every host but {@code down}: those never poll. */
  FleetHarness startWorkers(String... down) {
    List<String> skipped = List.of(down);
    for (String host : targets.keySet()) {
      if (skipped.contains(host)) {
        continue;
      }
      Path config = targets.get(host).config();
      workers.put(
          host,
          StewardWorker.start(
              env.getWorkflowClient(),
              () -> ConfigLoader.forThisMachine().load(config),
              host,
              name -> fleet));
    }
    return this;
  }

  /** Sets the fleet {@link #STARTER}'s config names, its hosts in {@code batches}. */
  FleetHarness fleet(
      List<List<String>> batches,
      int maxParallel,
      Duration bake,
      int failureBudget,
      FleetApproval approval,
      BudgetAction onBudgetExceeded,
      Duration hostTimeout) {
    fleet =
        new FleetPlan(
            FLEET,
            TestTarget.NAME,
            batches,
            maxParallel,
            bake,
            failureBudget,
            approval,
            onBudgetExceeded,
            hostTimeout);
    return this;
  }

  /** Starts a rollout as a person would, with Steward's search attributes. */
  FleetRolloutWorkflow start(String revision) {
    String id = "rollout/" + FLEET + "/" + Instant.now().truncatedTo(ChronoUnit.MILLIS);
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(id)
            .setTaskQueue(TaskQueues.WORKFLOWS)
            .setTypedSearchAttributes(
                SearchAttributes.newBuilder(
                        StewardSearchAttributes.forNewRun(
                            StewardSearchAttributes.KIND_ROLLOUT, TestTarget.NAME, STARTER))
                    .set(StewardSearchAttributes.FLEET, FLEET)
                    .build())
            .build();
    FleetRolloutWorkflow rollout =
        env.getWorkflowClient().newWorkflowStub(FleetRolloutWorkflow.class, options);
    WorkflowClient.start(rollout::rollout, new FleetRolloutRequest(FLEET, STARTER, revision));
    lastWorkflowId = id;
    return rollout;
  }

  FleetRolloutResult result(FleetRolloutWorkflow rollout) {
    return WorkflowStub.fromTyped(rollout).getResult(FleetRolloutResult.class);
  }

  SearchAttributes labels(String workflowId) {
    return env.getWorkflowClient()
        .newUntypedWorkflowStub(workflowId)
        .describe()
        .getTypedSearchAttributes();
  }

  TestTarget target(String host) {
    return targets.get(host);
  }

  /** Publishes a release upstream, for every host. */
  String publish(String release) throws IOException {
    return targets.values().iterator().next().publish(release);
  }

  TargetPlan plan(String host) {
    return ConfigLoader.forThisMachine()
        .load(targets.get(host).config())
        .targets()
        .get(TestTarget.NAME);
  }

  /** Records the last rollout's history when asked, then stops services, workers and server. */
  void close(TestInfo test) throws Exception {
    HistoryRecorder.recordIfAsked(env.getWorkflowClient(), test, lastWorkflowId);
    close();
  }

  @Override
  public void close() {
    try {
      for (String host : targets.keySet()) {
        service.stopService(plan(host));
      }
    } finally {
      for (WorkerFactory worker : workers.values()) {
        worker.shutdownNow();
        worker.awaitTermination(5, TimeUnit.SECONDS);
      }
      env.close();
    }
  }
}
