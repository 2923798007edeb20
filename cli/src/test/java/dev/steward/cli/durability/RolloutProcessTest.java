package dev.steward.cli.durability;

import static dev.steward.worker.fleet.RolloutHostsInTests.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.steward.worker.Await;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.config.TemporalSettings;
import dev.steward.worker.fleet.HostRuns;
import dev.steward.worker.fleet.HostRuns.Run;
import dev.steward.worker.fleet.RolloutHostsInTests;
import dev.steward.worker.update.HistoryRecorder;
import dev.steward.workflows.StewardSearchAttributes;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollouts on the real Temporal server with real processes ({@link ProcessFleet}: a worker process
 * per host; {@code rollout start --detach} a process too): a healthy one over six hosts, and ones
 * whose workers are SIGKILLed mid-batch. Every worker polls the shared workflows queue, so the
 * rollout's workflow tasks may run on any of them: in the kill cases "the controller's worker" is
 * all three. Every wait is for a condition (the second host's gated snapshot running, the rollout's
 * status query, its result), never for time.
 */
class RolloutProcessTest {
  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final Path LOGS = Path.of("target", "durability-logs", "rollout");

  @TempDir Path tmp;
  private ProcessFleet fleet;

  @AfterEach
  void cleanUp() {
    if (fleet != null) {
      fleet.close();
    }
  }

  @Test
  void rolls_one_revision_out_over_six_hosts_in_order_never_more_than_max_parallel_at_once(
      TestInfo test) throws Exception {
    // [six-1], [six-2 six-3], [six-4 six-5 six-6], two at a time, a bake after each batch.
    fleet = ProcessFleet.start(temporal, tmp, LOGS, "six", List.of(1, 2, 3), 2, "1s");
    String old = fleet.target(host(1)).revision();
    String next = fleet.publish("healthy v2");
    try (TemporalConnection connection = connect()) {
      WorkflowClient client = connection.client();
      String id = fleet.startRollout();
      Await.until("the revision resolved", PATIENCE, () -> status(client, id).revision() != null);
      fleet.publish("healthy v3 never-healthy"); // Upstream moves on: no host may go there.

      FleetRolloutResult result = result(client, id);
      assertUpdatedOnceEach(client, id, result, next);
      assertEquals("all 6 hosts at " + next.substring(0, 7), result.message());
      result.hosts().forEach(h -> assertEquals(old, h.fromRevision(), h.toString()));
      assertEquals("done", status(client, id).phase());
      assertEquals(
          "updated",
          client
              .newUntypedWorkflowStub(id)
              .describe()
              .getTypedSearchAttributes()
              .get(StewardSearchAttributes.OUTCOME));
      HistoryRecorder.recordIfAsked(client, test, id);
    }
  }

  @Test
  void every_worker_killed_mid_batch_and_restarted_resumes_the_rollout_each_host_updated_once()
      throws Exception {
    fleet = ProcessFleet.gated(temporal, tmp, LOGS, "ctl");
    String next = fleet.publish("healthy v2");
    try (TemporalConnection connection = connect()) {
      WorkflowClient client = connection.client();
      String id = fleet.startRollout();
      awaitSecondHostMidUpdate(client, id);

      // No process is left that runs the rollout's workflow tasks, nor the second host's update.
      fleet.killWorkers(fleet.hosts());
      Instant killed = Instant.now();
      fleet.startWorkers(fleet.hosts(), "-2");
      Instant ready = Instant.now();
      fleet.openGate();

      FleetRolloutResult result = result(client, id);
      assertUpdatedOnceEach(client, id, result, next);
      List<String> causes = ServerRuns.retryCauses(client, id + "/" + host(2));
      assertFalse(causes.isEmpty(), "the second host's update retried its interrupted attempt");
      figure("all 3 workers SIGKILLed mid-batch", client, id, killed, ready, causes);
    }
  }

  @Test
  void a_host_worker_killed_mid_update_resumes_it_and_the_rollout_waits_for_it() throws Exception {
    fleet = ProcessFleet.gated(temporal, tmp, LOGS, "hw");
    String next = fleet.publish("healthy v2");
    try (TemporalConnection connection = connect()) {
      WorkflowClient client = connection.client();
      String id = fleet.startRollout();
      awaitSecondHostMidUpdate(client, id);

      fleet.killWorkers(List.of(host(2)));
      Instant killed = Instant.now();
      // The rollout waits for the host whose code and data are in flight: it starts no other.
      FleetRolloutStatus waiting = status(client, id);
      assertEquals(HostState.UPDATING, state(waiting, host(2)), waiting.toString());
      assertEquals(HostState.WAITING, state(waiting, host(3)), waiting.toString());
      fleet.startWorkers(List.of(host(2)), "-2");
      Instant ready = Instant.now();
      fleet.openGate();

      FleetRolloutResult result = result(client, id);
      assertUpdatedOnceEach(client, id, result, next);
      List<String> causes = ServerRuns.retryCauses(client, id + "/" + host(2));
      assertFalse(causes.isEmpty(), "the second host's update retried its interrupted attempt");
      figure("the second host's worker SIGKILLed mid-update", client, id, killed, ready, causes);
    }
  }

  /** Mid-batch: the canary updated, the second host's update in its snapshot, the third waiting. */
  private void awaitSecondHostMidUpdate(WorkflowClient client, String id) {
    fleet.awaitGatedExport();
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
   * once, batch after batch; the server has exactly one update run per host, the one the result
   * names; by those runs' start and close times, each batch's updates started after the batch
   * before it had ended, and the most updates open at once was the fleet's {@code maxParallel} (or
   * its largest batch, when smaller).
   */
  private void assertUpdatedOnceEach(
      WorkflowClient client, String id, FleetRolloutResult result, String next) throws IOException {
    assertEquals(FleetOutcome.UPDATED, result.outcome(), result.message());
    assertEquals(next, result.revision(), result.message());
    List<String> hosts = fleet.hosts();
    for (String host : hosts) {
      assertEquals(next, fleet.target(host).revision(), host + "'s checkout");
    }
    List<String> childIds = hosts.stream().map(h -> id + "/" + h).toList();
    List<String> started =
        client.fetchHistory(id).getEvents().stream()
            .filter(
                e ->
                    e.getEventType()
                        == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
            .map(e -> e.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowId())
            .toList();
    // Within a batch a host starts when a slot is free and its reach returns: in any order.
    assertEquals(hosts.size(), started.size(), "the rollout's children, once each: " + started);
    int from = 0;
    for (List<String> batch : fleet.batches()) {
      List<String> own = batch.stream().map(h -> id + "/" + h).sorted().toList();
      List<String> slice = started.subList(from, from + batch.size()).stream().sorted().toList();
      assertEquals(own, slice, batch + " started after the batches before it: " + started);
      from += batch.size();
    }

    List<WorkflowExecutionMetadata> runs = updateRuns(client, hosts.size());
    Map<String, List<WorkflowExecutionMetadata>> byId =
        runs.stream().collect(Collectors.groupingBy(r -> r.getExecution().getWorkflowId()));
    assertEquals(childIds.stream().sorted().toList(), byId.keySet().stream().sorted().toList());
    for (int i = 0; i < hosts.size(); i++) {
      List<WorkflowExecutionMetadata> own = byId.get(childIds.get(i));
      assertEquals(1, own.size(), hosts.get(i) + " has one update run: " + own);
      WorkflowExecutionMetadata run = own.get(0);
      assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED, run.getStatus());
      HostRollout reported = RolloutHostsInTests.host(result, hosts.get(i));
      assertEquals(HostState.UPDATED, reported.state(), reported.toString());
      assertEquals(run.getExecution().getRunId(), reported.runId(), reported.toString());
    }
    List<List<Run>> batches =
        fleet.batches().stream()
            .map(
                batch ->
                    batch.stream()
                        .map(
                            h -> {
                              WorkflowExecutionMetadata run = byId.get(id + "/" + h).get(0);
                              return new Run(h, run.getStartTime(), run.getCloseTime());
                            })
                        .toList())
            .toList();
    HostRuns.assertBatchesInOrder(batches);
    int largest = fleet.batches().stream().mapToInt(List::size).max().orElseThrow();
    assertEquals(
        Math.min(fleet.maxParallel(), largest),
        HostRuns.mostAtOnce(batches.stream().flatMap(List::stream).toList()),
        "the most updates at once, from " + batches);
  }

  /** The fleet's update runs as the server lists them, once all of them have closed. */
  private List<WorkflowExecutionMetadata> updateRuns(WorkflowClient client, int count) {
    String query = "StewardFleet = '" + fleet.name() + "' AND WorkflowType = 'UpdateWorkflow'";
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

  private String host(int n) {
    return fleet.host(n);
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
