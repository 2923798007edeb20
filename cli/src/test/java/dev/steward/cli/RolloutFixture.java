package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.Await;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.fleet.FleetRolloutStatus;
import dev.steward.workflows.fleet.FleetRolloutWorkflow;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * What the rollout command tests share: a config with a target and the fleet {@code gateways} of
 * four hosts, pointing at a server, and a worker whose rollouts are {@link ScriptedRollout}.
 */
final class RolloutFixture implements AutoCloseable {
  static final String FLEET =
      "fleets:\n"
          + "  gateways:\n"
          + "    target: demo\n"
          + "    hosts: [vps-1, vps-2, vps-3, vps-4]\n"
          + "    batches: [1, 2]\n"
          + "    failureBudget: 1\n";

  /** The config without its fleet and without {@code temporal:}: what the embedded server gets. */
  final String target;

  final Path config;
  private final String base;
  private TemporalConnection connection;
  private WorkerFactory workers;

  /**
   * @param temporalSection a {@code temporal:} YAML section naming the server
   */
  RolloutFixture(Path dir, String temporalSection) throws IOException {
    target = Files.readString(TestTarget.create(dir.resolve("target")).config());
    base = temporalSection + target;
    config = Files.writeString(dir.resolve("steward.yaml"), base + FLEET);
  }

  /** Writes {@code extra} under the fleet and starts a worker whose rollouts follow the script. */
  void rollouts(String extra, Set<String> rolledBack, Set<String> unhealthy) throws IOException {
    Files.writeString(config, base + FLEET + extra);
    StewardConfig loaded = ConfigLoader.forThisMachine().load(config);
    connection = TemporalConnection.connect(loaded.temporal());
    workers = WorkerFactory.newInstance(connection.client());
    Worker worker = workers.newWorker(TaskQueues.WORKFLOWS);
    worker.registerWorkflowImplementationFactory(
        FleetRolloutWorkflow.class,
        () -> new ScriptedRollout(loaded.fleets().get("gateways"), rolledBack, unhealthy));
    workers.start();
  }

  CliRun steward(String... args) {
    return CliRun.withConfig(config, args);
  }

  TemporalConnection connection() {
    return connection;
  }

  FleetRolloutStatus status(String id) {
    return connection.client().newWorkflowStub(FleetRolloutWorkflow.class, id).status();
  }

  /** {@code rollout start gateways --detach}, checked; the rollout's id. */
  String startDetached() {
    CliRun started = steward("rollout", "start", "gateways", "--detach");
    assertEquals(0, started.exitCode(), started.toString());
    String id = started.out().strip();
    assertTrue(id.startsWith("rollout/gateways/") && !id.contains("\n"), started.toString());
    return id;
  }

  void awaitPhase(String id, String phase) {
    Await.until(
        "the rollout's phase " + phase,
        Duration.ofSeconds(60),
        () -> phase.equals(status(id).phase()),
        () -> String.valueOf(status(id)));
  }

  @Override
  public void close() {
    if (workers != null) {
      workers.shutdownNow();
    }
    if (connection != null) {
      connection.close();
    }
  }
}
