package dev.steward.cli.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.TestTarget;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward worker} as systemd runs it: a fatal start-up error is a non-zero exit (never 0),
 * so that {@code Restart=always} with its backoff takes over. Real processes.
 */
class WorkerProcessTest {
  @TempDir Path tmp;

  @Test
  void exits_2_with_one_line_when_the_configuration_is_bad() throws IOException {
    Path config =
        Files.writeString(tmp.resolve("steward.yaml"), "targets:\n  demo: [not, a, map]\n");

    try (StewardProcess worker = start("-c", config.toString(), "worker")) {
      assertEquals(2, worker.exitCode(Duration.ofMinutes(2)), worker.toString());
      assertEquals(1, worker.stderr().lines().count(), worker.toString());
      assertTrue(worker.stderr().startsWith("steward: " + config), worker.toString());
    }
  }

  @Test
  void exits_5_when_the_server_does_not_answer_within_the_wait() throws IOException {
    TestTarget target = TestTarget.create(tmp.resolve("target"));
    Path config =
        Files.writeString(
            tmp.resolve("steward.yaml"),
            "temporal:\n  address: 127.0.0.1:"
                + closedPort()
                + "\n"
                + Files.readString(target.config()));

    try (StewardProcess worker =
        start("-c", config.toString(), "worker", "--wait-for-server", "2")) {
      assertEquals(5, worker.exitCode(Duration.ofMinutes(2)), worker.toString());
      assertTrue(worker.stderr().contains("is unreachable"), worker.toString());
      assertEquals(1, worker.stderr().lines().count(), worker.toString());
    }
  }

  private StewardProcess start(String... args) {
    return StewardProcess.start(tmp.resolve("logs"), "worker", Map.of(), args);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort(); // Closed again when the test uses it: nothing listens there.
    }
  }
}
