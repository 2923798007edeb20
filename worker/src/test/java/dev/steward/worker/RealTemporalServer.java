package dev.steward.worker;

import dev.steward.worker.config.TemporalSettings;
import dev.steward.worker.setup.SearchAttributeSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * A real Temporal server for a test class: {@code temporal server start-dev} from Temporal's own
 * CLI, persistent in a SQLite file, with Schedules, visibility queries and the web UI, listening on
 * 127.0.0.1 only, with Steward's search attributes registered. Register it as
 * {@code @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();}.
 *
 * <p>The binary is the one {@code scripts/temporal-cli} installs (surefire passes its path as
 * {@code steward.temporal.cli}). Where it is missing the class's tests are skipped with the reason;
 * with {@code STEWARD_REQUIRE_TEMPORAL=1} (CI) that is a failure instead.
 *
 * <p>A test can {@link #kill()} the server like a power cut and {@link #start()} it again from its
 * database, on the same ports.
 */
public final class RealTemporalServer implements BeforeAllCallback, AfterAllCallback {
  /** A loaded 2-core machine can take many seconds for the server's first answer. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final int port = TestPorts.next();
  private final int uiPort = TestPorts.next();
  private final int httpPort = TestPorts.next();
  private final int metricsPort = TestPorts.next();
  private Path binary;
  private Path dir;
  private Process process;
  private Thread stopOnExit;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    binary = requireBinary(context.getDisplayName());
    dir = Files.createTempDirectory("steward-temporal-");
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
    if (dir != null) {
      deleteTree(dir);
    }
  }

  /**
   * Starts the server from its database (a new one the first time) and waits until it answers with
   * Steward's search attributes in place.
   */
  public void start() {
    if (isRunning()) {
      throw new IllegalStateException("the Temporal server already runs");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "server",
                "start-dev",
                "--ip",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--ui-port",
                Integer.toString(uiPort),
                "--http-port",
                Integer.toString(httpPort),
                "--metrics-port",
                Integer.toString(metricsPort),
                "--db-filename",
                database().toString(),
                "--log-level",
                "warn"));
    for (String name : SearchAttributeSetup.names()) {
      command.addAll(List.of("--search-attribute", name + "=Keyword"));
    }
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // A JVM that ends without afterAll (a crashed fork) must not leave the server holding ports.
    Process started = process;
    stopOnExit = new Thread(started::destroyForcibly, "steward-temporal-stop");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    awaitAnswering();
  }

  /**
   * The Temporal CLI for a test that runs the server another way (as a systemd unit, say), with
   * this extension's rule: without it the calling test class is skipped (call this from its
   * {@code @BeforeAll}), or fails under {@code STEWARD_REQUIRE_TEMPORAL=1}.
   *
   * @param testClass the caller's name, for the log line that says why it was skipped
   */
  public static Path requireBinary(String testClass) {
    Path binary = binary();
    if (!Files.isExecutable(binary)) {
      skipOrFail(
          testClass, "no Temporal CLI at " + binary + " (install it with scripts/temporal-cli)");
    }
    return binary;
  }

  /**
   * Skips the caller's tests for want of something the real-server tests need (the binary, a
   * browser, Node.js), saying why; under {@code STEWARD_REQUIRE_TEMPORAL=1} (CI) fails instead.
   *
   * @param testClass the caller's name, for the log line that says why it was skipped
   */
  public static void skipOrFail(String testClass, String reason) {
    if ("1".equals(System.getenv("STEWARD_REQUIRE_TEMPORAL"))) {
      throw new IllegalStateException(reason + "; STEWARD_REQUIRE_TEMPORAL=1 requires it");
    }
    // Surefire counts a class aborted in beforeAll as no tests at all: say why in the log.
    System.err.println(testClass + " skipped: " + reason);
    throw new TestAbortedException(reason);
  }

  /** SIGKILL, as a power cut would end it: no shutdown of its own, the database as it was. */
  public void kill() {
    end(true);
  }

  /** Stops the server the way systemd would (SIGTERM), waiting for it to exit. */
  public void stop() {
    end(false);
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The server process's pid, for a benchmark that reads its CPU time from /proc. */
  public long pid() {
    if (!isRunning()) {
      throw new IllegalStateException("the Temporal server does not run");
    }
    return process.pid();
  }

  /** {@code 127.0.0.1:port} of the gRPC frontend. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  /** The web UI's base URL. */
  public String uiUrl() {
    return "http://127.0.0.1:" + uiPort;
  }

  /** A {@code temporal:} section for a test's steward.yaml that points at this server. */
  public String configSection() {
    return "temporal:\n  address: \"" + address() + "\"\n  connectTimeout: 60s\n";
  }

  public Path database() {
    return dir.resolve("temporal.db");
  }

  /** The server's own output, for a failure message. */
  public Path log() {
    return dir.resolve("server.log");
  }

  private void awaitAnswering() {
    RuntimeException[] last = {null};
    Await.until(
        "the Temporal server at " + address() + " to answer with Steward's search attributes",
        START_TIMEOUT,
        () -> {
          if (!process.isAlive()) {
            throw new IllegalStateException(
                "temporal server start-dev exited " + process.exitValue() + ": " + logTail());
          }
          try (TemporalConnection connection =
              TemporalConnection.connect(
                  new TemporalSettings(address(), "default", null, null, Duration.ofSeconds(5)))) {
            return new SearchAttributeSetup(connection.client()).missing().orElseThrow().isEmpty();
          } catch (RuntimeException notYet) {
            last[0] = notYet;
            return false;
          }
        },
        () -> (last[0] == null ? "attributes missing" : last[0].getMessage()) + ": " + logTail());
  }

  private void end(boolean kill) {
    if (process == null) {
      return;
    }
    if (kill) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().removeShutdownHook(stopOnExit);
    process = null;
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log());
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static Path binary() {
    String configured = System.getProperty("steward.temporal.cli");
    return (configured != null ? Path.of(configured) : Path.of("../.tools/bin/temporal"))
        .toAbsolutePath()
        .normalize();
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
