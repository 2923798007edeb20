package dev.steward.worker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for the services tests start on loopback: target services, the real Temporal server.
 *
 * <p>Below Linux's ephemeral range (32768-60999). A port from {@code new ServerSocket(0)} is in
 * that range, and between the choice and the service's bind any outgoing connection (health probes,
 * gRPC) may take it as its local port: with dozens of targets restarting at once in the fault
 * matrix, that happened. Unique within this JVM; a random start keeps two build JVMs apart.
 */
public final class TestPorts {
  private static final int FIRST_PORT = 20_000;
  private static final int PORT_RANGE = 12_000;
  private static final AtomicInteger NEXT_PORT =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(PORT_RANGE));

  private TestPorts() {}

  /** A port nothing listens on now, handed out once in this JVM. */
  public static int next() {
    for (int tries = 0; tries < PORT_RANGE; tries++) {
      int port = FIRST_PORT + Math.floorMod(NEXT_PORT.getAndIncrement(), PORT_RANGE);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort(); // Bound, so free until it closes here.
      } catch (IOException inUse) {
        // Taken by something else: try the next one.
      }
    }
    throw new IllegalStateException("no free port in " + FIRST_PORT + "+" + PORT_RANGE);
  }
}
