package dev.steward.activities.service;

import dev.steward.activities.process.ProcFs;
import dev.steward.workflows.host.ManagerKind;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.HealthPlan;
import dev.steward.workflows.host.TargetPlan.ServicePlan;
import dev.steward.workflows.host.TargetPlan.SnapshotPlan;
import dev.steward.workflows.host.TargetPlan.UpdatePlan;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Tiny real services for the tests: a python HTTP server with a few ways to misbehave. */
final class TestServices {
  private static final String SERVER =
      """
      import http.server, os, sys, threading
      port, mode = int(sys.argv[1]), sys.argv[2]
      class Health(http.server.BaseHTTPRequestHandler):
          def do_GET(self):
              self.send_response(503 if mode == "503" else 200)
              self.send_header("Content-Length", "2")
              self.end_headers()
              self.wfile.write(b"ok")
          def log_message(self, *args):
              pass
      server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Health)
      if mode.startswith("exit-after="):
          threading.Timer(float(mode.split("=")[1]), lambda: os._exit(0)).start()
      print("listening on", port, flush=True)
      server.serve_forever()
      """;

  private TestServices() {}

  /** Writes the server script into {@code dir} and returns its path. */
  static Path writeServer(Path dir) throws IOException {
    return Files.writeString(Files.createDirectories(dir).resolve("server.py"), SERVER);
  }

  /** A loopback port nothing listens on right now. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** A process-managed target whose code is {@code root/app} and data {@code root/data}. */
  static TargetPlan plan(Path root, List<String> start, HealthPlan health) throws IOException {
    Path checkout = Files.createDirectories(root.resolve("app"));
    Path state = Files.createDirectories(root.resolve("data"));
    return new TargetPlan(
        "demo",
        "test-host",
        checkout.toString(),
        state.toString(),
        new ServicePlan(ManagerKind.PROCESS, start, null, null),
        new SnapshotPlan(root.resolve("backups").toString(), 3, List.of(), List.of(), List.of()),
        0,
        new UpdatePlan(null, null, List.of("true"), List.of(), 60),
        List.of(),
        health);
  }

  /** The pid Steward recorded for the target's service. */
  static long recordedPid(TargetPlan plan) {
    Optional<ServiceRecord> record =
        ServiceRecord.read(Path.of(plan.state(), ".steward", "service.json"));
    return record.orElseThrow(() -> new AssertionError("no service.json")).pid();
  }

  /** Whether a process with this pid exists and has not exited. */
  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcFs::alive).orElse(false);
  }

  /** Waits (polling) until the service's log contains {@code text}. */
  static void awaitLog(TargetPlan plan, String text) throws Exception {
    Path log = Path.of(plan.state(), ".steward", "service.log");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(log) || !Files.readString(log).contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("service.log never said: " + text);
      }
      Thread.sleep(20);
    }
  }
}
