package dev.steward.cli.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Await;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.config.TemporalSettings;
import dev.steward.workflows.fleet.FleetOutcome;
import dev.steward.workflows.fleet.FleetRolloutResult;
import dev.steward.workflows.fleet.FleetRolloutStatus;
import dev.steward.workflows.fleet.FleetRolloutWorkflow;
import dev.steward.workflows.fleet.HostRollout;
import dev.steward.workflows.fleet.HostState;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rollout whose workers are SIGKILLed mid-batch, on the real Temporal server with real processes:
 * three hosts, each its own {@code steward worker} process with its own steward.yaml and target
 * (checkout cloned from one upstream, state, service on its own port); the first host's config has
 * the fleet and starts the rollout ({@code rollout start --detach}, a process too). Canary {@code
 * [h1]}, then {@code [h2 h3]} with {@code maxParallel: 1}.
 *
 * <p>Every worker polls the shared workflows queue, so the rollout's workflow tasks may run on any
 * of them: "the controller's worker" is all three. To make the kill land mid-batch and mid-update
 * without racing a fast update, the second host's snapshot is an export command that waits for a
 * gate file the test opens only after the kill and the restart.
 */
class RolloutKillTest {
  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final Path LOGS = Path.of("target", "durability-logs", "rollout-kill");

  @TempDir Path tmp;
  private final Map<String, TestTarget> targets = new LinkedHashMap<>();
  private final Map<String, StewardProcess> workers = new LinkedHashMap<>();
  private final List<StewardProcess> processes = new ArrayList<>();
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();
  private String fleet;

  @AfterEach
  void cleanUp() {
    processes.forEach(StewardProcess::close);
    for (TestTarget target : targets.values()) {
      service.stopService(
          ConfigLoader.forThisMachine().load(target.config()).targets().get("demo"));
    }
  }

  @Test
  void every_worker_killed_mid_batch_and_restarted_resumes_the_rollout_each_host_updated_once()
      throws Exception {
    String next = fleetOf("ctl");
    try (TemporalConnection connection = connect()) {
      WorkflowClient client = connection.client();
      String id = startRollout();
      awaitSecondHostMidUpdate(client, id);

      // No process is left that runs the rollout's workflow tasks, nor the second host's update.
      workers.values().forEach(StewardProcess::kill);
      Instant killed = Instant.now();
      startWorkers(List.copyOf(targets.keySet()), "-2");
      Instant ready = Instant.now();
      openGate();

      FleetRolloutResult result = result(client, id);
      assertUpdatedOnceEach(client, id, result, next);
      List<String> causes = ServerRuns.retryCauses(client, id + "/" + host(2));
      assertFalse(causes.isEmpty(), "the second host's update retried its interrupted attempt");
      figure("all 3 workers SIGKILLed mid-batch", client, id, killed, ready, causes);
    }
  }

  @Test
  void a_host_worker_killed_mid_update_resumes_it_and_the_rollout_waits_for_it() throws Exception {
    String next = fleetOf("hw");
    try (TemporalConnection connection = connect()) {
      WorkflowClient client = connection.client();
      String id = startRollout();
      awaitSecondHostMidUpdate(client, id);

      workers.get(host(2)).kill();
      Instant killed = Instant.now();
      // The rollout waits for the host whose code and data are in flight: it starts no other.
      FleetRolloutStatus waiting = status(client, id);
      assertEquals(HostState.UPDATING, state(waiting, host(2)), waiting.toString());
      assertEquals(HostState.WAITING, state(waiting, host(3)), waiting.toString());
      startWorkers(List.of(host(2)), "-2");
      Instant ready = Instant.now();
      openGate();

      FleetRolloutResult result = result(client, id);
      assertUpdatedOnceEach(client, id, result, next);
      List<String> causes = ServerRuns.retryCauses(client, id + "/" + host(2));
      assertFalse(causes.isEmpty(), "the second host's update retried its interrupted attempt");
      figure("the second host's worker SIGKILLed mid-update", client, id, killed, ready, causes);
    }
  }

  /**
   * Three hosts {@code PREFIX-1..3} with their workers running, a fleet {@code PREFIX} on the
   * first, and a new release published; returns its revision.
   */
  private String fleetOf(String prefix) throws IOException {
    fleet = prefix;
    TestTarget first = TestTarget.createOnHost(tmp.resolve(prefix + "-1"), prefix + "-1");
    targets.put(prefix + "-1", first);
    for (int i = 2; i <= 3; i++) {
      String host = prefix + "-" + i;
      targets.put(host, TestTarget.onHost(tmp.resolve(host), first, host));
    }
    gateSnapshot(targets.get(host(2)));
    for (TestTarget target : targets.values()) {
      service.restartService(
          ConfigLoader.forThisMachine().load(target.config()).targets().get("demo"));
    }
    startWorkers(List.copyOf(targets.keySet()), "-1");
    return first.publish("healthy v2");
  }

  /**
   * The host's snapshot export marks that it started, then waits for the gate; it is the first
   * thing its update does on its state after the lock, so the update cannot finish before the test
   * opens the gate. The orphan of a killed worker waits too, and ends when it opens.
   */
  private void gateSnapshot(TestTarget target) throws IOException {
    String wait =
        "touch "
            + exporting()
            + "; while [ ! -e "
            + gate()
            + " ]; do sleep 0.1; done; tar -cf \"$1\" --exclude=./.steward .";
    target.snapshotCommands(
        "[sh, -c, '" + wait + "', export, \"{file}\"]",
        "[sh, -c, 'tar -xf \"$1\"', import, \"{file}\"]");
  }

  private Path exporting() {
    return tmp.resolve(fleet + "-exporting");
  }

  private Path gate() {
    return tmp.resolve(fleet + "-gate");
  }

  private void openGate() throws IOException {
    Files.writeString(gate(), "go\n");
  }

  /** Mid-batch: the canary updated, the second host's update in its snapshot, the third waiting. */
  private void awaitSecondHostMidUpdate(WorkflowClient client, String id) {
    Await.until(
        "the second host's snapshot export to start", PATIENCE, () -> Files.exists(exporting()));
    Await.until(
        "the rollout to show the second host updating",
        PATIENCE,
        () -> state(status(client, id), host(2)) == HostState.UPDATING);
    FleetRolloutStatus mid = status(client, id);
    assertEquals(2, mid.batch(), mid.toString());
    assertEquals(HostState.UPDATED, state(mid, host(1)), mid.toString());
    assertEquals(HostState.WAITING, state(mid, host(3)), mid.toString());
  }

  /**
   * The rollout ended updated at {@code next}, every host there; it started each host's update
   * once, in batch order, each after the one before ended; the server has exactly one update run
   * per host, the one the result names.
   */
  private void assertUpdatedOnceEach(
      WorkflowClient client, String id, FleetRolloutResult result, String next) throws IOException {
    assertEquals(FleetOutcome.UPDATED, result.outcome(), result.message());
    assertEquals(next, result.revision(), result.message());
    for (Map.Entry<String, TestTarget> host : targets.entrySet()) {
      assertEquals(next, host.getValue().revision(), host.getKey() + "'s checkout");
    }
    List<String> hosts = List.copyOf(targets.keySet());
    List<String> childIds = hosts.stream().map(h -> id + "/" + h).toList();
    List<String> started =
        client.fetchHistory(id).getEvents().stream()
            .filter(
                e ->
                    e.getEventType()
                        == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
            .map(e -> e.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowId())
            .toList();
    assertEquals(childIds, started, "the rollout's children, in the order it started them");

    List<WorkflowExecutionMetadata> runs = updateRuns(client, hosts.size());
    Map<String, List<WorkflowExecutionMetadata>> byId =
        runs.stream().collect(Collectors.groupingBy(r -> r.getExecution().getWorkflowId()));
    assertEquals(childIds.stream().sorted().toList(), byId.keySet().stream().sorted().toList());
    for (int i = 0; i < hosts.size(); i++) {
      List<WorkflowExecutionMetadata> own = byId.get(childIds.get(i));
      assertEquals(1, own.size(), hosts.get(i) + " has one update run: " + own);
      WorkflowExecutionMetadata run = own.get(0);
      assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, run.getStatus());
      HostRollout reported = host(result, hosts.get(i));
      assertEquals(HostState.UPDATED, reported.state(), reported.toString());
      assertEquals(run.getExecution().getRunId(), reported.runId(), reported.toString());
      if (i > 0) {
        WorkflowExecutionMetadata before = byId.get(childIds.get(i - 1)).get(0);
        assertFalse(
            run.getStartTime().isBefore(before.getCloseTime()),
            hosts.get(i) + "'s update started before " + hosts.get(i - 1) + "'s ended");
      }
    }
  }

  /** The fleet's update runs as the server lists them, once all of them have closed. */
  private List<WorkflowExecutionMetadata> updateRuns(WorkflowClient client, int count) {
    String query = "StewardFleet = '" + fleet + "' AND WorkflowType = 'UpdateWorkflow'";
    // Visibility follows a run's end by a moment.
    return Await.value(
        "the fleet's " + count + " closed update runs in the server's list",
        PATIENCE,
        () -> {
          List<WorkflowExecutionMetadata> runs = client.listExecutions(query).toList();
          boolean closed =
              runs.size() >= count
                  && runs.stream()
                      .noneMatch(
                          r ->
                              r.getStatus()
                                  == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
          return closed ? runs : null;
        },
        () ->
            client
                .listExecutions(query)
                .map(r -> r.getExecution().getWorkflowId())
                .toList()
                .toString());
  }

  /** {@code steward rollout start FLEET --detach} from the first host: prints the rollout's id. */
  private String startRollout() {
    StewardProcess start =
        StewardProcess.start(
            LOGS,
            fleet + "-start",
            Map.of(),
            "-c",
            workerConfig(host(1)).toString(),
            "rollout",
            "start",
            fleet,
            "--detach");
    processes.add(start);
    assertEquals(0, start.exitCode(PATIENCE), start.toString());
    String id = start.stdout().strip();
    assertTrue(id.startsWith("rollout/" + fleet + "/"), start.toString());
    return id;
  }

  /** The hosts' {@code steward worker} processes, started together, once each says it serves. */
  private void startWorkers(List<String> hosts, String suffix) {
    for (String host : hosts) {
      StewardProcess worker =
          StewardProcess.start(
              LOGS,
              host + suffix,
              Map.of(),
              "-c",
              workerConfig(host).toString(),
              "worker",
              "--wait-for-server",
              "60");
      processes.add(worker);
      workers.put(host, worker);
    }
    hosts.forEach(host -> workers.get(host).awaitOutput("steward worker for host", PATIENCE));
  }

  /** The host's target config with the server, a log directory, and on the first the fleet. */
  private Path workerConfig(String host) {
    TestTarget target = targets.get(host);
    Path config = target.root().resolve("worker.yaml");
    if (Files.exists(config)) {
      return config;
    }
    String fleets =
        host.equals(host(1))
            ? "fleets:\n  "
                + fleet
                + ":\n    target: demo\n    hosts: ["
                + String.join(", ", targets.keySet())
                + "]\n    canary: 1\n    batches: [2]\n    maxParallel: 1\n"
            : "";
    try {
      return Files.writeString(
          config,
          temporal.configSection()
              + "logs:\n  dir: "
              + target.root().resolve("logs")
              + "\n"
              + Files.readString(target.config())
              + fleets);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String host(int n) {
    return fleet + "-" + n;
  }

  private static HostState state(FleetRolloutStatus status, String host) {
    return status.hosts().stream()
        .filter(h -> h.host().equals(host))
        .map(HostRollout::state)
        .findFirst()
        .orElse(null);
  }

  private static HostRollout host(FleetRolloutResult result, String host) {
    return result.hosts().stream().filter(h -> h.host().equals(host)).findFirst().orElseThrow();
  }

  private static FleetRolloutStatus status(WorkflowClient client, String id) {
    return client.newWorkflowStub(FleetRolloutWorkflow.class, id).status();
  }

  private static FleetRolloutResult result(WorkflowClient client, String id) throws Exception {
    return client
        .newUntypedWorkflowStub(id)
        .getResult(PATIENCE.toMillis(), TimeUnit.MILLISECONDS, FleetRolloutResult.class);
  }

  /** The kill's figures, for docs/durability.md: restart and end after the kill, the retries. */
  private static void figure(
      String what,
      WorkflowClient client,
      String id,
      Instant killed,
      Instant ready,
      List<String> causes)
      throws IOException {
    ServerRuns.figure(
        "rollout, %s: worker(s) ready %.1f s after the kill, the rollout ended %.1f s after it;"
            + " the second host's update retried after: %s",
        what,
        ServerRuns.seconds(killed, ready),
        ServerRuns.seconds(killed, ServerRuns.ended(client, id)),
        causes);
  }

  private static TemporalConnection connect() {
    return TemporalConnection.connect(
        new TemporalSettings(temporal.address(), "default", null, null, Duration.ofMinutes(1)));
  }
}
