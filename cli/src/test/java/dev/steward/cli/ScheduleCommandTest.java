package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.TestTarget;
import io.temporal.testserver.TestServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward schedule} where no Schedules API exists: the embedded server, and Temporal's
 * standalone test server (what {@code steward server --dev} runs). The calls against a real server
 * are in ScheduleServerIT.
 */
class ScheduleCommandTest {
  private static final String SCHEDULE =
      "    schedule:\n      update: {at: \"03:00\", timezone: Europe/London, jitter: 10m}\n";

  @TempDir Path tmp;
  private TestTarget target;

  @BeforeEach
  void createTarget() throws Exception {
    target = TestTarget.create(tmp).withConfig(SCHEDULE);
  }

  @Test
  void refuses_with_exit_2_on_the_embedded_server_saying_what_to_run_instead() {
    CliRun run = CliRun.of("-c", target.config().toString(), "schedule", "apply");

    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(1, run.err().lines().count(), run.toString());
    assertTrue(run.err().contains("no Schedules API"), run.err());
    assertTrue(run.err().contains("temporal server start-dev"), run.err());
  }

  @Test
  void refuses_with_exit_2_on_a_server_without_the_schedules_api() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // Temporal's in-memory server, standalone: a real server process without Schedules.
    TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port);
    try {
      Path config = tmp.resolve("remote.yaml");
      Files.writeString(
          config,
          "temporal:\n  address: 127.0.0.1:"
              + port
              + "\n  connectTimeout: 1m\n"
              + Files.readString(target.config()));

      CliRun run = CliRun.of("-c", config.toString(), "schedule", "list");

      assertEquals(2, run.exitCode(), run.toString());
      assertEquals(1, run.err().lines().count(), run.toString());
      assertTrue(run.err().contains("has no Schedules API"), run.err());
    } finally {
      server.close();
    }
  }

  @Test
  void config_check_accepts_the_schedule() {
    CliRun run = CliRun.of("-c", target.config().toString(), "config", "check");

    assertEquals(0, run.exitCode(), run.toString());
  }
}
