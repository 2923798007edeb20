package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.testing.Shell;
import dev.steward.activities.testing.SystemdSandbox;
import dev.steward.activities.testing.SystemdSandbox.Result;
import dev.steward.worker.TestTarget;
import dev.steward.worker.systemd.InstallPlan;
import dev.steward.worker.systemd.ServerPlan;
import dev.steward.worker.systemd.StewardUnits;
import dev.steward.worker.systemd.SystemdVersion;
import dev.steward.worker.systemd.UnitFile;
import dev.steward.worker.systemd.UnitScope;
import io.temporal.testserver.TestServer;
import io.temporal.testserver.TestServer.PortBoundTestServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code steward install} and {@code uninstall} against the sandbox's real systemd 252, with a
 * Temporal test server on loopback (the sandbox shares the host's network) for the worker.
 */
class InstallCommandInSandboxTest {
  private static final String WORKER = StewardUnits.WORKER;

  @RegisterExtension static final SystemdSandbox systemd = new SystemdSandbox();

  private static PortBoundTestServer temporal;
  private static Path config;
  private static Path temporalCli;
  private static int port;

  @BeforeAll
  static void startTemporalAndWriteConfig() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    temporal = TestServer.createPortBoundServer(port);
    TestTarget target = TestTarget.create(systemd.newDir("target"));
    config = target.config();
    Files.writeString(
        config, "temporal:\n  address: 127.0.0.1:" + port + "\n" + Files.readString(config));
    // Only systemd-analyze looks at it (it checks that ExecStart= is executable); never started.
    temporalCli = Shell.script(systemd.root().resolve("bin/temporal"), "exit 0");
  }

  @AfterAll
  static void stopTemporal() {
    if (temporal != null) {
      temporal.close();
    }
  }

  @Test
  void dry_run_prints_units_written_for_systemd_252_and_installs_nothing() throws Exception {
    Path unitDir = systemd.newDir("dry-run");

    CliRun run =
        CliRun.of(
            "-c",
            config.toString(),
            "install",
            "--user",
            "--dry-run",
            "--unit-dir",
            unitDir.toString(),
            "--with-server",
            "--db-filename",
            "/var/lib/steward/temporal.db",
            "--temporal-binary",
            temporalCli.toString());

    assertEquals(0, run.exitCode(), run.toString());
    String out = run.out();
    assertTrue(out.contains("# " + unitDir.resolve(WORKER) + "\n"), out);
    assertTrue(out.contains("# " + unitDir.resolve(StewardUnits.SERVER) + "\n"), out);
    assertTrue(
        out.contains(
            "start-dev --ip 127.0.0.1 --port "
                + port
                + " --ui-port "
                + (port + 1000)
                + " --db-filename /var/lib/steward/temporal.db --search-attribute"),
        out);
    String unitSection = out.substring(out.indexOf("Description=Steward worker"));
    assertTrue(
        unitSection.indexOf("\nStartLimitIntervalSec=0\n") < unitSection.indexOf("\n[Service]\n"),
        out);
    assertTrue(out.contains("Restart=always\nRestartSec=60\n"), out);
    assertFalse(out.contains("\nRestartSteps="), "systemd 252 does not know it:\n" + out);
    assertTrue(out.contains("note: systemd 252 does not know RestartSteps="), out);
    assertEquals(List.of(), Files.list(unitDir).toList(), "nothing written");
  }

  @Test
  void every_generated_unit_passes_systemd_analyze_verify_without_a_word() throws Exception {
    for (UnitScope scope : UnitScope.values()) {
      InstallPlan plan =
          new InstallPlan(
              scope,
              SystemdVersion.parse(SystemdSandbox.exec("systemctl", "--version").orFail()),
              Launcher.command(),
              config,
              Map.of("TEMPORAL_ADDRESS", "127.0.0.1:7233"),
              new ServerPlan(
                  temporalCli, systemd.root().resolve("temporal 100%.db"), 7233, 8233, "a$b"));
      for (UnitFile unit : StewardUnits.generate(plan)) {
        Path dir = scope == UnitScope.USER ? systemd.userUnits() : systemd.systemUnits();
        Path file = Files.writeString(dir.resolve(unit.name()), unit.text());
        String flag = scope == UnitScope.USER ? "--user" : "--system";

        Result verify = SystemdSandbox.exec("systemd-analyze", flag, "verify", file.toString());

        Files.delete(file);
        assertEquals(0, verify.exitCode(), verify.toString());
        assertEquals("", verify.output(), scope + " " + unit.name() + ":\n" + unit.text());
      }
    }
  }

  @Test
  void the_installed_worker_connects_restarts_after_being_killed_and_uninstalls() throws Exception {
    // The generated unit waits RestartSec=60 before a restart; a drop-in shortens it for the test.
    Path dropIn = Files.createDirectories(systemd.userUnits().resolve(WORKER + ".d"));
    Files.writeString(dropIn.resolve("test.conf"), "[Service]\nRestartSec=1\n");
    String unitDir = systemd.userUnits().toString();

    CliRun install = CliRun.of("-c", config.toString(), "install", "--user", "--unit-dir", unitDir);

    assertEquals(0, install.exitCode(), install.toString());
    assertTrue(install.out().contains("systemctl --user enable --now " + WORKER), install.out());
    assertTrue(install.out().contains("enabled lingering for root"), install.out());
    Shell.await("the worker connects", 120, () -> connections() >= 1);
    String firstPid = show("MainPID");

    SystemdSandbox.exec("systemctl", "--user", "kill", "-s", "SIGKILL", WORKER).orFail();

    Shell.await("systemd restarts the worker", 120, () -> restarts() >= 1);
    Shell.await("the new worker connects", 120, () -> connections() >= 2);
    assertFalse(firstPid.equals(show("MainPID")), "a new process");

    CliRun uninstall =
        CliRun.of("-c", config.toString(), "uninstall", "--user", "--unit-dir", unitDir);

    assertEquals(0, uninstall.exitCode(), uninstall.toString());
    assertFalse(Files.exists(systemd.userUnits().resolve(WORKER)));
    assertEquals("not-found", show("LoadState"), uninstall.toString());
    assertTrue(uninstall.out().contains("left lingering on for root"), uninstall.out());
  }

  private static long connections() {
    try {
      String journal =
          SystemdSandbox.exec("journalctl", "--user-unit", WORKER, "--no-pager", "-o", "cat")
              .output();
      return journal.lines().filter(l -> l.startsWith("steward worker for host test-host")).count();
    } catch (Exception e) {
      return 0;
    }
  }

  private static int restarts() {
    try {
      return Integer.parseInt(show("NRestarts"));
    } catch (Exception e) {
      return 0;
    }
  }

  private static String show(String property) throws Exception {
    return SystemdSandbox.exec("systemctl", "--user", "show", "-p", property, "--value", WORKER)
        .orFail();
  }
}
