package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.LoopbackTemporalServer;
import dev.steward.worker.config.ConfigFixture;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward doctor} against a reachable test server, an unreachable one, and none. */
class DoctorCommandTest {
  @TempDir Path tmp;

  @Test
  void checks_server_disk_and_clock_and_says_what_the_test_server_cannot_answer() throws Exception {
    try (LoopbackTemporalServer server = LoopbackTemporalServer.start()) {
      CliRun run =
          CliRun.of("-c", config("temporal: {address: \"" + server.address() + "\"}\n"), "doctor");

      assertEquals(0, run.exitCode(), run.toString());
      assertTrue(run.out().contains("ok    server: " + server.address()), run.toString());
      assertTrue(run.out().contains("ok    snapshots of demo: "), run.toString());
      assertTrue(
          run.out().contains("?     search attributes: this server cannot list them"),
          run.toString());
      assertTrue(
          run.out().contains("?     schedules: this server has no Schedules API"), run.toString());
      assertTrue(run.out().contains("ok    clock: within "), run.toString());
    }
  }

  @Test
  void fails_when_the_server_is_unreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CliRun run =
        CliRun.of(
            "-c", config("temporal: {address: \"127.0.0.1:" + closedPort + "\"}\n"), "doctor");

    assertEquals(7, run.exitCode(), run.toString());
    assertTrue(
        run.out().contains("FAIL  server: Temporal at 127.0.0.1:" + closedPort), run.toString());
  }

  @Test
  void warns_that_without_a_server_nothing_is_kept() throws Exception {
    CliRun run = CliRun.of("-c", config(""), "doctor");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("WARN  server: none configured"), run.toString());
  }

  private String config(String temporal) throws Exception {
    return new ConfigFixture(tmp).write(temporal + ConfigFixture.MINIMAL).toString();
  }
}
