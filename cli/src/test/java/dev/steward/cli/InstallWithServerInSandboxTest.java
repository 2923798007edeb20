package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.testing.Shell;
import dev.steward.activities.testing.SystemdSandbox;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.TestPorts;
import dev.steward.worker.TestTarget;
import dev.steward.worker.systemd.StewardUnits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The single-host production topology, for real: {@code steward install --system --with-server} in
 * the sandbox's systemd 252 runs Temporal's own server ({@code temporal server start-dev} with
 * SQLite, the binary {@code scripts/temporal-cli} builds) and the worker as units; updates run
 * through them, and a SIGKILLed server comes back under systemd with its history while the worker
 * reconnects by itself.
 */
class InstallWithServerInSandboxTest {
  private static final String SERVER = StewardUnits.SERVER;
  private static final String WORKER = StewardUnits.WORKER;

  @RegisterExtension static final SystemdSandbox systemd = new SystemdSandbox();

  private static Path binary;

  @BeforeAll
  static void needTheTemporalCli() {
    binary = RealTemporalServer.requireBinary(InstallWithServerInSandboxTest.class.getSimpleName());
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES) // only against a hang: follow waits for its run
  void updates_run_through_the_installed_server_which_systemd_restarts_with_its_history()
      throws Exception {
    TestTarget target = TestTarget.create(systemd.newDir("target"));
    String config = target.config().toString();
    Files.writeString(
        target.config(),
        "temporal:\n  address: \"127.0.0.1:"
            + TestPorts.next()
            + "\"\n  connectTimeout: 60s\n"
            + Files.readString(target.config()));
    // Its folder does not exist yet: install makes it.
    Path database = systemd.root().resolve("temporal/steward.db");
    int uiPort = TestPorts.next();

    CliRun install =
        CliRun.of(
            "-c",
            config,
            "install",
            "--system",
            "--unit-dir",
            systemd.systemUnits().toString(),
            "--with-server",
            "--db-filename",
            database.toString(),
            "--temporal-binary",
            binary.toString(),
            "--ui-port",
            Integer.toString(uiPort));

    assertEquals(0, install.exitCode(), install.toString());
    assertTrue(install.out().contains("systemctl enable --now " + SERVER + "\n"), install.out());
    assertTrue(install.out().contains("systemctl enable --now " + WORKER + "\n"), install.out());
    Shell.await("the installed worker connects to the installed server", 180, () -> starts() >= 1);
    Shell.await("the web UI answers on loopback", 60, () -> answers("http://127.0.0.1:" + uiPort));

    String first = target.publish("healthy first");
    String firstRun = update(config);

    assertEquals(first, target.revision());
    assertEquals("release healthy first", health(target));
    // A run that ended prints its result: what the server keeps of it.
    String firstResult = follow(config, firstRun).out();
    String serverPid = show(SERVER, "MainPID");
    String workerPid = show(WORKER, "MainPID");
    // Not 0 by necessity: on a starved machine its first try may give up before the server answers.
    String workerRestarts = show(WORKER, "NRestarts");
    long workerStarts = starts();

    SystemdSandbox.exec("systemctl", "kill", "-s", "KILL", SERVER).orFail();

    Shell.await("systemd starts the server again", 120, () -> runsAnew(serverPid));
    Shell.await(
        "the restarted server shows the first run as it was",
        120,
        () -> follow(config, firstRun).out().equals(firstResult));
    String second = target.publish("healthy second");
    update(config);

    assertEquals(second, target.revision());
    assertEquals("release healthy second", health(target));
    assertEquals(workerPid, show(WORKER, "MainPID"), "the same worker, never restarted");
    assertEquals(workerRestarts, show(WORKER, "NRestarts"));
    assertEquals(workerStarts, starts(), "no new worker start-up: it reconnected by itself");

    CliRun uninstall =
        CliRun.of(
            "-c", config, "uninstall", "--system", "--unit-dir", systemd.systemUnits().toString());

    assertEquals(0, uninstall.exitCode(), uninstall.toString());
    assertEquals("not-found", show(SERVER, "LoadState"), uninstall.toString());
    assertEquals("not-found", show(WORKER, "LoadState"), uninstall.toString());
    assertTrue(Files.isRegularFile(database), "the runs' database is kept");
  }

  /** Starts an update of demo for the installed worker, follows it to its end, returns its id. */
  private static String update(String config) {
    CliRun started = CliRun.of("-c", config, "update", TestTarget.NAME, "--detach");
    assertEquals(0, started.exitCode(), started.toString());
    String workflowId = started.out().strip();
    CliRun followed = follow(config, workflowId);
    assertEquals(0, followed.exitCode(), followed.toString());
    assertTrue(followed.out().contains("updated: " + TestTarget.NAME + ": "), followed.toString());
    return workflowId;
  }

  private static CliRun follow(String config, String workflowId) {
    return CliRun.of("-c", config, "follow", workflowId);
  }

  private static boolean runsAnew(String oldPid) {
    try {
      String pid = show(SERVER, "MainPID");
      return !pid.equals(oldPid)
          && !pid.equals("0")
          && show(SERVER, "ActiveState").equals("active");
    } catch (Exception e) {
      return false;
    }
  }

  /** How many times a worker started and connected, by its journal's start-up lines. */
  private static long starts() {
    try {
      String journal =
          SystemdSandbox.exec("journalctl", "-u", WORKER, "--no-pager", "-o", "cat").output();
      return journal.lines().filter(l -> l.startsWith("steward worker for host test-host")).count();
    } catch (Exception e) {
      return 0;
    }
  }

  private static String health(TestTarget target) throws Exception {
    HttpResponse<String> response = get("http://127.0.0.1:" + target.port() + "/health");
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static boolean answers(String url) {
    try {
      return get(url).statusCode() == 200;
    } catch (Exception notYet) {
      return false;
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String show(String unit, String property) throws Exception {
    return SystemdSandbox.exec("systemctl", "show", "-p", property, "--value", unit).orFail();
  }
}
