package dev.steward.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The embedded server lives inside the CLI's own process: whoever else is on the machine (or the
 * network) cannot reach it, because it listens on no socket at all. Read from the kernel's own
 * tables: the listening TCP sockets that this JVM holds.
 */
class EmbeddedServerTest {
  private static final String LISTEN = "0A";

  @Test
  void the_embedded_server_listens_on_no_socket() throws IOException {
    Set<String> before = listeningSocketsOfThisProcess();

    try (TemporalConnection embedded = TemporalConnection.embedded()) {
      assertTrue(embedded.isEmbedded());
      embedded.client().getWorkflowServiceStubs().healthCheck();

      assertEquals(before, listeningSocketsOfThisProcess());
    }
  }

  @Test
  void the_socket_table_sees_a_listening_socket_of_this_process() throws IOException {
    // Shows the check above can fail: a socket this JVM listens on is found.
    Set<String> before = listeningSocketsOfThisProcess();
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Set<String> during = listeningSocketsOfThisProcess();
      during.removeAll(before);
      assertEquals(1, during.size(), during.toString());
      String port = String.format(":%04X", socket.getLocalPort());
      assertTrue(during.iterator().next().endsWith(port), during + " names port " + port);
    }
  }

  /** Local addresses ({@code hex-ip:hex-port}) of the TCP sockets this JVM listens on. */
  private static Set<String> listeningSocketsOfThisProcess() throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      for (Path fd : fds.toList()) {
        try {
          String link = Files.readSymbolicLink(fd).toString();
          if (link.startsWith("socket:[")) {
            inodes.add(link.substring(8, link.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // An fd closed while listing: not a listening socket of ours.
        }
      }
    }
    Set<String> listening = new HashSet<>();
    for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
      List<String> lines = Files.readAllLines(Path.of(table));
      for (String line : lines.subList(1, lines.size())) { // The first line names the columns.
        String[] fields = line.trim().split("\\s+");
        if (LISTEN.equals(fields[3]) && inodes.contains(fields[9])) {
          listening.add(fields[1]);
        }
      }
    }
    return listening;
  }
}
