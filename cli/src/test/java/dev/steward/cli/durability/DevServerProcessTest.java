package dev.steward.cli.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.TestTarget;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward server --dev} as a process: loopback only, a warning, the address it serves. */
class DevServerProcessTest {
  @TempDir Path tmp;

  @Test
  void listens_on_loopback_only_and_warns_that_it_keeps_nothing() throws Exception {
    try (StewardProcess server =
        StewardProcess.start(
                tmp.resolve("logs"), "server", Map.of(), "server", "--dev", "--port", "0")
            .awaitOutput("listening on", Duration.ofMinutes(2))) {
      String address = server.stdout().strip().replaceAll(".* ", "");
      int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));

      assertTrue(address.startsWith("127.0.0.1:"), server.toString());
      assertTrue(server.stderr().contains("keeps everything in memory"), server.toString());
      assertTrue(server.stderr().contains("temporal server start-dev"), server.toString());
      connect(InetAddress.getLoopbackAddress(), port);
      for (InetAddress other : nonLoopbackAddresses()) {
        assertThrows(IOException.class, () -> connect(other, port), "reachable on " + other);
      }
    }
  }

  @Test
  void follow_names_a_run_the_server_does_not_have_and_exits_2() throws Exception {
    try (StewardProcess server =
        StewardProcess.start(
                tmp.resolve("logs"), "server", Map.of(), "server", "--dev", "--port", "0")
            .awaitOutput("listening on", Duration.ofMinutes(2))) {
      String address = server.stdout().strip().replaceAll(".* ", "");
      TestTarget target = TestTarget.create(tmp.resolve("target"));
      Path config =
          Files.writeString(
              tmp.resolve("steward.yaml"),
              "temporal:\n  address: "
                  + address
                  + "\n  connectTimeout: 1m\n"
                  + Files.readString(target.config()));

      try (StewardProcess follow =
          StewardProcess.start(
              tmp.resolve("logs"),
              "follow",
              Map.of(),
              "-c",
              config.toString(),
              "follow",
              "update/demo/nosuch")) {
        assertEquals(2, follow.exitCode(Duration.ofMinutes(2)), follow.toString());
        assertTrue(follow.stderr().contains("no run update/demo/nosuch"), follow.toString());
      }
    }
  }

  private static void connect(InetAddress host, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
    }
  }

  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    return NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .toList();
  }
}
