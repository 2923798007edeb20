package dev.steward.worker.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.OperatingSystemMXBean;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Pipelines;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.StewardWorker;
import dev.steward.worker.TemporalConnection;
import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.fleet.FleetOutcome;
import dev.steward.workflows.fleet.FleetRolloutRequest;
import dev.steward.workflows.fleet.FleetRolloutResult;
import dev.steward.workflows.fleet.HostRollout;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateRequest;
import dev.steward.workflows.update.UpdateResult;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
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
 * host's update measured alone on the same setup, before the rollout. The fair baseline is the same
 * waves without the rollout: the benchmark starts each wave's updates itself, as the rollout starts
 * its children, and waits for all of them before the next; once before the rollout and once after
 * it, so that a change of the machine's load shows as the two differing. The rollout's wall time
 * against their mean is the orchestration's own cost on this machine, the parallel updates'
 * contention being in both. Not a test: surefire runs it only when {@code -Dtest} names it;
 * docs/benchmarks.md has the command and the last figures.
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
    List<Integer> batches = batchSizes(size);
    List<Integer> waveSizes = waveSizes(batches);
    double[] loadBefore = RolloutFigures.loadAverage();
    Measured before = directWaves(client, hosts, waveSizes, upstream, "direct before");
    double[] loadBetween = RolloutFigures.loadAverage();

    String revision = SimulatedHost.publish(upstream, "rollout");
    WorkflowStub[] stub = new WorkflowStub[1];
    Measured rollout =
        measure(
            () -> {
              stub[0] =
                  WorkflowStub.fromTyped(
                      Pipelines.startRollout(
                          client,
                          new FleetRolloutRequest("bench", hosts.get(0).host, null),
                          Clock.systemUTC()));
              FleetRolloutResult result = stub[0].getResult(FleetRolloutResult.class);
              assertEquals(FleetOutcome.UPDATED, result.outcome(), result.message());
              assertEquals(revision, result.revision());
              return result.hosts().stream().map(HostRollout::workflowId).toList();
            });
    double[] load = RolloutFigures.loadAverage();
    long wall = rollout.wall();
    for (SimulatedHost host : hosts) {
      assertEquals(revision, host.revision(), host.host);
    }
    int waves = waveSizes.size();
    long ideal = waves * solo;
    RolloutFigures.Histories histories =
        RolloutFigures.histories(
            client, stub[0].getExecution().getWorkflowId(), stub[0].getExecution());
    RolloutFigures.Children children = RolloutFigures.children(client, rollout.runs());

    Measured after = directWaves(client, hosts, waveSizes, upstream, "direct after");
    double[] loadAfter = RolloutFigures.loadAverage();
    long direct = (before.wall() + after.wall()) / 2;
    RolloutFigures.Children directBefore = RolloutFigures.children(client, before.runs());
    RolloutFigures.Children directAfter = RolloutFigures.children(client, after.runs());

    System.out.println("| figure | " + size + " hosts |");
    System.out.println("|---|---|");
    row("batches / waves", batches.size() + " / " + waves);
    row("one host's update alone (median of " + SOLO_RUNS + ")", solo + " ms");
    row("ideal (waves x one update)", ideal + " ms");
    row("rollout wall time", wall + " ms");
    row("overhead against the ideal", percent(wall, ideal));
    row(
        "the same waves started directly, no rollout: wall time before / after the rollout (mean)",
        before.wall() + " ms / " + after.wall() + " ms (" + direct + " ms)");
    row("rollout's own overhead against the direct waves' mean", percent(wall, direct));
    row("a host's update within the rollout (median, max)", children.medianMax());
    row(
        "a host's update within the direct waves, before / after (median, max)",
        directBefore.medianMax() + " / " + directAfter.medianMax());
    row("time with no host update running", children.idleMillis(wall) + " ms");
    row("of which between batches", children.betweenBatchesMillis(batches) + " ms");
    row(
        "direct waves, before / after: time with no update running (of which between waves)",
        idle(directBefore, before, waveSizes) + " / " + idle(directAfter, after, waveSizes));
    row("rollout history (runs: events, bytes)", histories.toString());
    row("its events by type", histories.byType().toString());
    row("a host's own update's history (median)", children.medianEvents() + " events");
    row("server CPU over the rollout (per host)", cpu(rollout.serverCpu(), size));
    row(
        "server CPU over the direct waves, before / after (per host)",
        cpu(before.serverCpu(), size) + " / " + cpu(after.serverCpu(), size));
    row("worker JVM CPU over the rollout (per host)", cpu(rollout.workerCpu(), size));
    row(
        "worker JVM CPU over the direct waves, before / after (per host)",
        cpu(before.workerCpu(), size) + " / " + cpu(after.workerCpu(), size));
    row(
        "load average (1, 5, 15 min) at the start / after the direct waves before / after the"
            + " rollout / after the direct waves after",
        loads(loadBefore)
            + " / "
            + loads(loadBetween)
            + " / "
            + loads(load)
            + " / "
            + loads(loadAfter));
  }

  private static String idle(RolloutFigures.Children runs, Measured waves, List<Integer> sizes) {
    return runs.idleMillis(waves.wall()) + " ms (" + runs.betweenBatchesMillis(sizes) + " ms)";
  }

  /**
   * Wall time and the server's and this JVM's CPU over one run of the fleet, and its update ids.
   */
  private record Measured(long wall, long serverCpu, long workerCpu, List<String> runs) {}

  private interface FleetRun {
    List<String> run() throws IOException;
  }

  private static Measured measure(FleetRun run) throws IOException {
    long serverCpu = RolloutFigures.processCpuMillis(temporal.pid());
    long workerCpu = OS.getProcessCpuTime();
    long start = System.nanoTime();
    List<String> runs = run.run();
    long wall = (System.nanoTime() - start) / 1_000_000;
    return new Measured(
        wall,
        RolloutFigures.processCpuMillis(temporal.pid()) - serverCpu,
        (OS.getProcessCpuTime() - workerCpu) / 1_000_000,
        runs);
  }

  /**
   * The rollout's waves without the rollout, to a new revision {@code release} publishes: {@code
   * hosts} in order, cut into {@code waves}; each wave's updates started at once by this client, as
   * the rollout starts its children (the pinned revision, the workflows queue, the same search
   * attributes), all awaited before the next; then every host at the revision.
   */
  private static Measured directWaves(
      WorkflowClient client,
      List<SimulatedHost> hosts,
      List<Integer> waves,
      Path upstream,
      String release)
      throws IOException {
    String revision = SimulatedHost.publish(upstream, release);
    Measured measured = measure(() -> startWaves(client, hosts, waves, revision));
    for (SimulatedHost host : hosts) {
      assertEquals(revision, host.revision(), host.host);
    }
    return measured;
  }

  /** Starts and awaits the waves of {@link #directWaves}; returns the runs' ids. */
  private static List<String> startWaves(
      WorkflowClient client, List<SimulatedHost> hosts, List<Integer> waves, String revision) {
    List<String> ids = new ArrayList<>();
    int from = 0;
    for (int wave : waves) {
      List<WorkflowStub> running = new ArrayList<>();
      for (SimulatedHost host : hosts.subList(from, from + wave)) {
        String id = "direct/" + host.host + "/" + revision;
        WorkflowOptions options =
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder(
                            StewardSearchAttributes.forNewRun(
                                StewardSearchAttributes.KIND_UPDATE,
                                SimulatedHost.TARGET,
                                host.host))
                        .set(StewardSearchAttributes.FLEET, "bench")
                        .build())
                .build();
        UpdateWorkflow update = client.newWorkflowStub(UpdateWorkflow.class, options);
        WorkflowClient.start(
            update::update, new UpdateRequest(SimulatedHost.TARGET, host.host, null, revision));
        running.add(WorkflowStub.fromTyped(update));
        ids.add(id);
      }
      for (WorkflowStub run : running) {
        UpdateResult result = run.getResult(UpdateResult.class);
        assertEquals(UpdateOutcome.UPDATED, result.outcome(), result.message());
      }
      from += wave;
    }
    return ids;
  }

  /** Each batch cut into waves of at most {@code maxParallel} hosts, in order. */
  private static List<Integer> waveSizes(List<Integer> batches) {
    List<Integer> waves = new ArrayList<>();
    for (int batch : batches) {
      for (int left = batch; left > 0; left -= MAX_PARALLEL) {
        waves.add(Math.min(MAX_PARALLEL, left));
      }
    }
    return waves;
  }

  private static String percent(long wall, long against) {
    return String.format("%+.0f %%", 100.0 * (wall - against) / against);
  }

  private static String cpu(long millis, int size) {
    return String.format("%.1f s (%.2f s)", millis / 1000.0, millis / 1000.0 / size);
  }

  private static String loads(double[] load) {
    return String.format("%.1f, %.1f, %.1f", load[0], load[1], load[2]);
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
