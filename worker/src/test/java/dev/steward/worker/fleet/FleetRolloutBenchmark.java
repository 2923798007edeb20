package dev.steward.worker.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.OperatingSystemMXBean;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Pipelines;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.StewardWorker;
import dev.steward.worker.TemporalConnection;
import dev.steward.workflows.fleet.FleetOutcome;
import dev.steward.workflows.fleet.FleetRolloutRequest;
import dev.steward.workflows.fleet.FleetRolloutResult;
import dev.steward.workflows.fleet.FleetRolloutWorkflow;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orchestration of a rollout, measured: N simulated hosts ({@link SimulatedHost}: near-instant
 * update and health), every host's worker in this JVM ({@link StewardWorker#start}, one factory and
 * queue per host, one client), the real Temporal server. The fleet is cut as {@code canary: 10%,
 * batches: [10%]}, {@code maxParallel: 10}, no bake, and one rollout takes it to a new revision.
 * The ideal is the number of waves (the sum over batches of ceil(batch / maxParallel)) times one
 * host's update measured alone on the same setup, before the rollout. Not a test: surefire runs it
 * only when {@code -Dtest} names it; docs/benchmarks.md has the command and the last figures.
 */
class FleetRolloutBenchmark {
  private static final int MAX_PARALLEL = 10;
  private static final int SOLO_RUNS = 5;

  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  @TempDir Path tmp;

  @Test
  void a_rollout_over_100_hosts() throws Exception {
    measure(100);
  }

  @Test
  void a_rollout_over_500_hosts() throws Exception {
    measure(500);
  }

  private void measure(int size) throws Exception {
    Path upstream = SimulatedHost.upstream(tmp);
    List<String> names = IntStream.rangeClosed(1, size).mapToObj(i -> "sim-" + i).toList();
    String fleet =
        "fleets:\n  bench:\n    target: "
            + SimulatedHost.TARGET
            + "\n    hosts: ["
            + String.join(", ", names)
            + "]\n    canary: 10%\n    batches: [10%]\n    maxParallel: "
            + MAX_PARALLEL
            + "\n    failureBudget: 0\n    hostTimeout: 5m\n";
    List<SimulatedHost> hosts = new ArrayList<>();
    for (String name : names) {
      String extra = hosts.isEmpty() ? fleet : "";
      hosts.add(SimulatedHost.create(tmp, name, upstream, temporal.configSection(), extra));
    }
    SimulatedHost alone = SimulatedHost.create(tmp, "solo", upstream, temporal.configSection(), "");
    ServiceActivitiesImpl service = new ServiceActivitiesImpl();
    List<SimulatedHost> all = new ArrayList<>(hosts);
    all.add(alone);
    List<WorkerFactory> workers = new ArrayList<>();
    try (TemporalConnection connection =
        TemporalConnection.connect(temporal.address(), "default")) {
      WorkflowClient client = connection.client();
      for (SimulatedHost host : all) {
        service.restartService(host.plan());
        workers.add(StewardWorker.start(client, host::load, host.host));
      }
      try {
        run(client, hosts, upstream, size, soloUpdateMillis(client, alone, upstream));
      } finally {
        // Before the connection closes: a worker shut down after it cannot finish its polls.
        for (WorkerFactory worker : workers) {
          worker.shutdownNow();
        }
        for (WorkerFactory worker : workers) {
          worker.awaitTermination(5, TimeUnit.SECONDS);
        }
      }
    } finally {
      for (SimulatedHost host : all) {
        service.stopService(host.plan());
      }
    }
  }

  /**
   * The median wall time of one host's update alone, from the client's start to its result, each
   * run to a new revision, after one that warms the JVM up.
   */
  private static long soloUpdateMillis(WorkflowClient client, SimulatedHost solo, Path upstream)
      throws IOException {
    List<Long> runs = new ArrayList<>();
    for (int i = 0; i <= SOLO_RUNS; i++) {
      String revision = SimulatedHost.publish(upstream, "solo " + i);
      long start = System.nanoTime();
      UpdateResult result =
          WorkflowStub.fromTyped(
                  Pipelines.startUpdate(client, SimulatedHost.TARGET, solo.host, Clock.systemUTC()))
              .getResult(UpdateResult.class);
      if (i > 0) {
        runs.add((System.nanoTime() - start) / 1_000_000);
      }
      assertEquals(UpdateOutcome.UPDATED, result.outcome(), result.message());
      assertEquals(revision, solo.revision());
    }
    System.out.println("one host's update alone (ms): " + runs);
    return runs.stream().sorted().toList().get(SOLO_RUNS / 2);
  }

  private static void run(
      WorkflowClient client, List<SimulatedHost> hosts, Path upstream, int size, long solo)
      throws IOException {
    String revision = SimulatedHost.publish(upstream, "rollout");
    long serverCpu = RolloutFigures.processCpuMillis(temporal.pid());
    long workerCpu = OS.getProcessCpuTime();
    long start = System.nanoTime();
    FleetRolloutWorkflow rollout =
        Pipelines.startRollout(
            client, new FleetRolloutRequest("bench", hosts.get(0).host, null), Clock.systemUTC());
    WorkflowStub stub = WorkflowStub.fromTyped(rollout);
    FleetRolloutResult result = stub.getResult(FleetRolloutResult.class);
    long wall = (System.nanoTime() - start) / 1_000_000;
    serverCpu = RolloutFigures.processCpuMillis(temporal.pid()) - serverCpu;
    workerCpu = (OS.getProcessCpuTime() - workerCpu) / 1_000_000;
    double[] load = RolloutFigures.loadAverage();

    assertEquals(FleetOutcome.UPDATED, result.outcome(), result.message());
    assertEquals(revision, result.revision());
    for (SimulatedHost host : hosts) {
      assertEquals(revision, host.revision(), host.host);
    }
    List<Integer> batches = batchSizes(size);
    int waves = batches.stream().mapToInt(b -> (b + MAX_PARALLEL - 1) / MAX_PARALLEL).sum();
    long ideal = waves * solo;
    RolloutFigures.Histories histories =
        RolloutFigures.histories(client, stub.getExecution().getWorkflowId(), stub.getExecution());
    RolloutFigures.Children children = RolloutFigures.children(client, result.hosts());

    System.out.println("| figure | " + size + " hosts |");
    System.out.println("|---|---|");
    row("batches / waves", batches.size() + " / " + waves);
    row("one host's update alone (median of " + SOLO_RUNS + ")", solo + " ms");
    row("ideal (waves x one update)", ideal + " ms");
    row("rollout wall time", wall + " ms");
    row("overhead", String.format("%.0f %%", 100.0 * (wall - ideal) / ideal));
    row("a host's update within the rollout (median, max)", children.medianMax());
    row("time with no host update running", children.idleMillis(wall) + " ms");
    row("of which between batches", children.betweenBatchesMillis(batches) + " ms");
    row("rollout history (runs: events, bytes)", histories.toString());
    row("its events by type", histories.byType().toString());
    row("a host's own update's history (median)", children.medianEvents() + " events");
    row(
        "server CPU over the rollout (per host)",
        String.format("%.1f s (%.2f s)", serverCpu / 1000.0, serverCpu / 1000.0 / size));
    row(
        "worker JVM CPU over the rollout (per host)",
        String.format("%.1f s (%.2f s)", workerCpu / 1000.0, workerCpu / 1000.0 / size));
    row(
        "load average at the end (1, 5, 15 min)",
        String.format("%.1f, %.1f, %.1f", load[0], load[1], load[2]));
  }

  /** The batches {@code canary: 10%, batches: [10%]} cuts {@code size} hosts into. */
  private static List<Integer> batchSizes(int size) {
    int tenth = (int) Math.ceil(size / 10.0);
    List<Integer> sizes = new ArrayList<>();
    for (int left = size; left > 0; left -= tenth) {
      sizes.add(Math.min(tenth, left));
    }
    return sizes;
  }

  private static void row(String figure, String value) {
    System.out.println("| " + figure + " | " + value + " |");
  }
}
