package dev.steward.cli.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Await;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.host.TargetPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A fleet of hosts {@code NAME-1} … {@code NAME-N} on this machine, each its own {@code steward
 * worker} process on the real server with its own {@code host:}, steward.yaml and target (checkout
 * cloned from one upstream, state, service on its own port). The first host's config has fleet
 * {@code NAME}, cut into the batches the test names (the first is the canary), and starts its
 * rollouts.
 *
 * <p>In the kill cases' fleet ({@link #gated}) the second host's snapshot is an export command that
 * marks that it started, then waits for a gate the test opens: its update cannot finish before, so
 * a kill lands mid-update, not in a race with an update that takes seconds. A killed worker's
 * export lives on as an orphan; it waits for the gate too and ends when it opens.
 */
final class ProcessFleet implements AutoCloseable {
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private final RealTemporalServer temporal;
  private final Path root;
  private final Path logs;
  private final String name;
  private final List<Integer> batches;
  private final int maxParallel;
  private final String bake;
  private final boolean gated;
  private final Map<String, TestTarget> targets = new LinkedHashMap<>();
  private final Map<String, StewardProcess> workers = new LinkedHashMap<>();
  private final List<StewardProcess> processes = new ArrayList<>();
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();

  private ProcessFleet(
      RealTemporalServer temporal,
      Path root,
      Path logs,
      String name,
      List<Integer> batches,
      int maxParallel,
      String bake,
      boolean gated) {
    this.temporal = temporal;
    this.root = root;
    this.logs = logs;
    this.name = name;
    this.batches = batches;
    this.maxParallel = maxParallel;
    this.bake = bake;
    this.gated = gated;
  }

  /**
   * The kill cases' fleet: three hosts, the canary {@code [NAME-1]}, then {@code [NAME-2 NAME-3]}
   * one at a time, no bake, the second host's snapshot gated; services up at release {@code
   * healthy}, workers serving.
   */
  static ProcessFleet gated(RealTemporalServer temporal, Path root, Path logs, String name)
      throws IOException {
    return start(new ProcessFleet(temporal, root, logs, name, List.of(1, 2), 1, "0s", true));
  }

  /**
   * A fleet of as many hosts as {@code batches} add up to, cut into batches of those sizes (the
   * first is the canary), {@code maxParallel} and {@code bake} as its config says them, no gate;
   * services up at release {@code healthy}, workers serving.
   */
  static ProcessFleet start(
      RealTemporalServer temporal,
      Path root,
      Path logs,
      String name,
      List<Integer> batches,
      int maxParallel,
      String bake)
      throws IOException {
    return start(new ProcessFleet(temporal, root, logs, name, batches, maxParallel, bake, false));
  }

  private static ProcessFleet start(ProcessFleet fleet) throws IOException {
    try {
      fleet.create();
      return fleet;
    } catch (IOException | RuntimeException | Error e) {
      fleet.close();
      throw e;
    }
  }

  private void create() throws IOException {
    TestTarget first = TestTarget.createOnHost(root.resolve(host(1)), host(1));
    targets.put(host(1), first);
    for (String host : hosts().subList(1, hosts().size())) {
      targets.put(host, TestTarget.onHost(root.resolve(host), first, host));
    }
    if (gated) {
      gateSnapshot(targets.get(host(2)));
    }
    targets.values().forEach(t -> service.restartService(plan(t)));
    startWorkers(hosts(), "-1");
  }

  /** Publishes {@code release} upstream (for every host) and returns its revision. */
  String publish(String release) throws IOException {
    return targets.get(host(1)).publish(release);
  }

  /** {@code steward rollout start NAME --detach} from the first host; returns the rollout's id. */
  String startRollout() {
    StewardProcess start =
        StewardProcess.start(
            logs,
            name + "-start",
            Map.of(),
            "-c",
            config(host(1)).toString(),
            "rollout",
            "start",
            name,
            "--detach");
    processes.add(start);
    assertEquals(0, start.exitCode(PATIENCE), start.toString());
    String id = start.stdout().strip();
    assertTrue(id.startsWith("rollout/" + name + "/"), start.toString());
    return id;
  }

  /** The hosts' {@code steward worker} processes, started together, once each says it serves. */
  void startWorkers(List<String> hosts, String suffix) {
    for (String host : hosts) {
      StewardProcess worker =
          StewardProcess.start(
              logs,
              host + suffix,
              Map.of(),
              "-c",
              config(host).toString(),
              "worker",
              "--wait-for-server",
              "60");
      processes.add(worker);
      workers.put(host, worker);
    }
    hosts.forEach(host -> workers.get(host).awaitOutput("steward worker for host", PATIENCE));
  }

  /** SIGKILLs the workers of {@code hosts}. */
  void killWorkers(List<String> hosts) {
    hosts.forEach(host -> workers.get(host).kill());
  }

  /** Waits until the second host's update runs its (gated) snapshot export. */
  void awaitGatedExport() {
    Await.until(
        "the second host's snapshot export to start", PATIENCE, () -> Files.exists(exporting()));
  }

  /** Lets the second host's snapshot export, and so its update, go on. */
  void openGate() throws IOException {
    Files.writeString(gate(), "go\n");
  }

  /** The hosts' names in batch order. */
  List<String> hosts() {
    return batches().stream().flatMap(List::stream).toList();
  }

  /** The hosts cut into the fleet's batches, in order; the first is the canary. */
  List<List<String>> batches() {
    List<List<String>> cut = new ArrayList<>();
    int next = 1;
    for (int size : batches) {
      cut.add(IntStream.range(next, next + size).mapToObj(this::host).toList());
      next += size;
    }
    return cut;
  }

  int maxParallel() {
    return maxParallel;
  }

  /** Host {@code n} (from 1): {@code NAME-n}. */
  String host(int n) {
    return name + "-" + n;
  }

  String name() {
    return name;
  }

  TestTarget target(String host) {
    return targets.get(host);
  }

  /** Ends every process it started and the hosts' services. */
  @Override
  public void close() {
    processes.forEach(StewardProcess::close);
    targets.values().forEach(t -> service.stopService(plan(t)));
  }

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
    return root.resolve(name + "-exporting");
  }

  private Path gate() {
    return root.resolve(name + "-gate");
  }

  /** The host's target config with the server and a log directory; on the first, the fleet. */
  private Path config(String host) {
    TestTarget target = targets.get(host);
    Path config = target.root().resolve("worker.yaml");
    if (Files.exists(config)) {
      return config;
    }
    String fleets =
        host.equals(host(1))
            ? "fleets:\n  "
                + name
                + ":\n    target: demo\n    hosts: ["
                + String.join(", ", hosts())
                + "]\n    canary: "
                + batches.get(0)
                + "\n    batches: "
                + batches.subList(1, batches.size())
                + "\n    maxParallel: "
                + maxParallel
                + "\n    bake: "
                + bake
                + "\n"
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
      throw new UncheckedIOException(e);
    }
  }

  private static TargetPlan plan(TestTarget target) {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }
}
