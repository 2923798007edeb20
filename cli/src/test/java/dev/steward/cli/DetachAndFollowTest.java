package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.LoopbackTemporalServer;
import dev.steward.worker.StewardRuntime;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.host.TargetPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code update|recover|restore --detach} and {@code steward follow} in-process against Temporal's
 * test server on a loopback port, with this host's worker running beside them and a real target.
 */
class DetachAndFollowTest {
  @TempDir Path tmp;
  private TestTarget target;
  private LoopbackTemporalServer server;
  private StewardRuntime worker;
  private Path config;
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();

  @BeforeEach
  void startServerWorkerAndTarget() throws Exception {
    target = TestTarget.create(tmp.resolve("target"));
    server = LoopbackTemporalServer.start();
    config =
        Files.writeString(
            tmp.resolve("steward.yaml"),
            "temporal:\n  address: "
                + server.address()
                + "\n  connectTimeout: 60s\n"
                + Files.readString(target.config()));
    CliRun setup = CliRun.of("-c", config.toString(), "setup");
    assertEquals(0, setup.exitCode(), setup.toString());
    Supplier<StewardConfig> reload = () -> ConfigLoader.forThisMachine().load(config);
    worker = StewardRuntime.open(reload.get(), reload);
    worker.startWorker(reload);
    service.restartService(plan());
  }

  @AfterEach
  void stopEverything() {
    try {
      service.stopService(plan());
    } finally {
      worker.close();
      server.close();
    }
  }

  @Test
  void recover_detach_prints_the_run_id_and_follow_shows_the_restart_with_exit_0()
      throws Exception {
    service.stopService(plan());

    CliRun detach = CliRun.of("-c", config.toString(), "recover", "demo", "--detach");
    String id = detach.out().strip();
    CliRun follow = CliRun.of("-c", config.toString(), "follow", id);

    assertEquals(0, detach.exitCode(), detach.toString());
    assertTrue(id.startsWith("recover/demo/") && !id.contains("\n"), detach.toString());
    assertEquals(0, follow.exitCode(), follow.toString());
    assertTrue(follow.out().contains("run " + id), follow.out());
    assertTrue(follow.out().contains("restart"), follow.out());
    assertTrue(follow.out().contains("restarted: demo: "), follow.out());
    assertTrue(follow.out().contains("recovered by restart"), follow.out());
    assertTrue(service.verifyHealth(plan()).healthy(), "the service answers health again");
  }

  @Test
  void follow_of_a_recovery_that_cannot_save_the_target_exits_4_like_recover() throws Exception {
    Files.writeString(target.state().resolve("schema.txt"), "corrupt\n");
    service.stopService(plan());

    CliRun detach = CliRun.of("-c", config.toString(), "recover", "demo", "--detach");
    CliRun follow =
        CliRun.of("-c", config.toString(), "follow", detach.out().strip(), "--output", "json");

    assertEquals(0, detach.exitCode(), detach.toString());
    assertEquals(4, follow.exitCode(), follow.toString());
    assertTrue(follow.out().strip().startsWith("{"), "one JSON object: " + follow.out());
    assertTrue(follow.out().contains("\"outcome\" : \"failed\""), follow.out());
    assertTrue(Files.exists(target.state().resolve(".steward/hold.json")), "updates are held");
  }

  @Test
  void update_detach_and_follow_end_updated_with_exit_0() throws Exception {
    String next = target.publish("healthy v2");

    CliRun detach = CliRun.of("-c", config.toString(), "update", "demo", "--detach");
    CliRun follow = CliRun.of("-c", config.toString(), "follow", detach.out().strip());

    assertEquals(0, detach.exitCode(), detach.toString());
    assertTrue(detach.out().strip().startsWith("update/demo/"), detach.toString());
    assertEquals(0, follow.exitCode(), follow.toString());
    assertTrue(follow.out().contains("updated: demo: "), follow.out());
    assertEquals(next, target.revision());
  }

  @Test
  void restore_detach_and_follow_end_rolled_back_with_exit_0() throws Exception {
    String v1 = target.revision();
    target.publish("healthy v2");
    CliRun update = CliRun.of("-c", config.toString(), "update", "demo");
    assertEquals(0, update.exitCode(), update.toString());
    String snapshot = target.snapshots().get(0).getFileName().toString();

    CliRun detach = CliRun.of("-c", config.toString(), "restore", "demo", snapshot, "--detach");
    String id = detach.out().strip();
    CliRun follow = CliRun.of("-c", config.toString(), "follow", id);

    assertEquals(0, detach.exitCode(), detach.toString());
    assertTrue(id.startsWith("restore/demo/") && !id.contains("\n"), detach.toString());
    assertEquals(0, follow.exitCode(), follow.toString());
    assertTrue(follow.out().contains("rolled_back: demo: "), follow.out());
    assertTrue(follow.out().contains("kept the state it replaced in "), follow.out());
    assertEquals(v1, target.revision());
  }

  @Test
  void recover_refuses_to_detach_on_the_embedded_server_with_exit_2() throws Exception {
    CliRun run = CliRun.of("-c", target.config().toString(), "recover", "demo", "--detach");

    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(1, run.err().lines().count(), run.toString());
    assertTrue(run.err().contains("--detach needs a Temporal server"), run.err());
    assertFalse(run.out().contains("recover/"), run.out());
  }

  private TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }
}
