package dev.steward.cli;

import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.StewardRuntime;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.host.TargetPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A real target (git repository, python HTTP service, running and healthy) and this host's worker
 * in this process, polling the Temporal server that {@code temporalSection} names: what a test of
 * commands against a server needs besides the server.
 */
final class WorkerAndTarget implements AutoCloseable {
  final TestTarget target;

  /** The steward.yaml that points at the server and names the target. */
  final Path config;

  final ServiceActivitiesImpl service = new ServiceActivitiesImpl();
  private final StewardRuntime worker;

  private WorkerAndTarget(TestTarget target, Path config, StewardRuntime worker) {
    this.target = target;
    this.config = config;
    this.worker = worker;
  }

  /**
   * Creates the target under {@code dir}, starts its service and the worker.
   *
   * @param temporalSection a {@code temporal:} YAML section, as {@code
   *     RealTemporalServer.configSection()} gives
   */
  static WorkerAndTarget start(Path dir, String temporalSection) throws IOException {
    TestTarget target = TestTarget.create(dir.resolve("target"));
    Path config =
        Files.writeString(
            dir.resolve("steward.yaml"), temporalSection + Files.readString(target.config()));
    Supplier<StewardConfig> reload = () -> ConfigLoader.forThisMachine().load(config);
    StewardRuntime worker = StewardRuntime.open(reload.get(), reload);
    worker.startWorker(reload);
    WorkerAndTarget started = new WorkerAndTarget(target, config, worker);
    started.service.restartService(started.plan());
    return started;
  }

  TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }

  /** {@code steward -c CONFIG ARGS…}, in-process. */
  CliRun steward(String... args) {
    return CliRun.withConfig(config, args);
  }

  @Override
  public void close() {
    try {
      service.stopService(plan());
    } finally {
      worker.close();
    }
  }
}
