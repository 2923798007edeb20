package dev.steward.worker.fleet;

import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.host.TargetPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A host of a benchmark fleet whose update costs as little as a real update can: a git checkout
 * cloned from a tiny shared upstream, a state directory of a few bytes, a service that is {@code
 * sleep infinity} under the process manager, and a health check that is {@code true} with no
 * stableFor. What remains of its update is Steward's own pipeline (disk, fetch, snapshot, restart,
 * health, prune, status), so a rollout over many of them measures the orchestration.
 */
final class SimulatedHost {
  static final String TARGET = "demo";

  final String host;
  final Path root;

  private SimulatedHost(String host, Path root) {
    this.host = host;
    this.root = root;
  }

  /** A tiny upstream with one release, for every host to clone. */
  static Path upstream(Path root) throws IOException {
    Path upstream = Files.createDirectories(root.resolve("upstream"));
    TestTarget.git(root, "init", "-q", "-b", "main", upstream.toString());
    publish(upstream, "first");
    return upstream;
  }

  /** Commits a release upstream and returns its revision. */
  static String publish(Path upstream, String release) throws IOException {
    Files.writeString(upstream.resolve("release.txt"), release + "\n");
    TestTarget.git(upstream, "add", "-A");
    TestTarget.git(upstream, "commit", "-q", "-m", "release " + release);
    return TestTarget.git(upstream, "rev-parse", "HEAD").strip();
  }

  /**
   * {@code host} cloned from {@code upstream}, its steward.yaml written with {@code temporal} and
   * {@code extra} (a {@code fleets:} section, say) appended.
   */
  static SimulatedHost create(Path root, String host, Path upstream, String temporal, String extra)
      throws IOException {
    SimulatedHost sim = new SimulatedHost(host, Files.createDirectories(root.resolve(host)));
    Files.createDirectories(sim.state());
    Files.writeString(sim.state().resolve("state.json"), "{\"host\": \"" + host + "\"}\n");
    TestTarget.git(sim.root, "clone", "-q", upstream.toString(), sim.checkout().toString());
    String yaml =
        "host: "
            + host
            + "\n"
            + temporal
            + "targets:\n"
            + "  "
            + TARGET
            + ":\n"
            + "    checkout: "
            + sim.checkout()
            + "\n    state: "
            + sim.state()
            + "\n    service:\n      manager: process\n      start: [sleep, infinity]\n"
            + "    snapshot:\n      dir: "
            + sim.root.resolve("snapshots")
            + "\n      keep: 2\n"
            + "    disk:\n      minFree: 1MiB\n"
            + "    update:\n      git: {remote: origin, ref: main}\n      timeout: 60s\n"
            + "    health:\n      command: [\"true\"]\n      stableFor: 0s\n      timeout: 60s\n"
            + extra;
    Files.writeString(sim.config(), yaml);
    return sim;
  }

  StewardConfig load() {
    return ConfigLoader.forThisMachine().load(config());
  }

  TargetPlan plan() {
    return load().targets().get(TARGET);
  }

  String revision() throws IOException {
    return TestTarget.git(checkout(), "rev-parse", "HEAD").strip();
  }

  Path config() {
    return root.resolve("steward.yaml");
  }

  private Path checkout() {
    return root.resolve("checkout");
  }

  private Path state() {
    return root.resolve("state");
  }
}
