package dev.steward.activities.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.testing.Shell;
import dev.steward.activities.testing.SystemdSandbox;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.ManagerKind;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.HealthPlan;
import dev.steward.workflows.host.TargetPlan.ServicePlan;
import dev.steward.workflows.host.TargetPlan.SnapshotPlan;
import dev.steward.workflows.host.TargetPlan.UpdatePlan;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code systemd} and {@code systemd-user} managers against a real systemd 252 (the sandbox),
 * with units running a small python HTTP service on loopback.
 */
class SystemdManagerInSandboxTest {
  @RegisterExtension static final SystemdSandbox systemd = new SystemdSandbox();

  private static Path server;
  private final ServiceActivitiesImpl services = new ServiceActivitiesImpl();

  @BeforeAll
  static void writeServer() throws Exception {
    server = TestServices.writeServer(systemd.newDir("server"));
  }

  @ParameterizedTest(name = "user unit: {0}")
  @ValueSource(booleans = {false, true})
  void restart_starts_a_new_main_pid_and_stop_and_start_follow_is_active(boolean user)
      throws Exception {
    String unit = install(user, "steady", "ok", "Restart=always");
    SystemdServiceManager manager = new SystemdServiceManager(unit, user);
    manager.start();
    ServiceStatus first = manager.status();

    manager.restart();
    ServiceStatus second = manager.status();
    String pidAfterRestart = mainPid(user, unit);
    manager.stop();
    ServiceStatus stopped = manager.status();
    manager.start();

    assertTrue(first.running(), first.detail());
    assertTrue(second.running(), second.detail());
    assertNotEquals(first.identity(), second.identity(), "a restart is a new main pid");
    assertEquals("pid " + pidAfterRestart, second.identity().split(",")[0]);
    assertFalse(stopped.running());
    assertEquals(unit + " is inactive", stopped.detail());
    assertTrue(manager.isRunning());
    manager.stop();
  }

  @ParameterizedTest(name = "user unit: {0}")
  @ValueSource(booleans = {false, true})
  void a_unit_that_fails_to_start_fails_the_step_with_its_journal_attached(boolean user)
      throws Exception {
    String unit =
        install(
            user,
            "broken",
            "ok",
            "ExecStartPre=/bin/sh -c 'echo config missing: /etc/broken.conf >&2; exit 1'");
    SystemdServiceManager manager = new SystemdServiceManager(unit, user);

    ApplicationFailure failure = assertThrows(ApplicationFailure.class, manager::restart);

    assertEquals(FailureTypes.SERVICE_FAILED, failure.getType());
    String message = failure.getOriginalMessage();
    assertTrue(message.startsWith("systemctl " + (user ? "--user " : "") + "restart"), message);
    String evidence = failure.getDetails().get(0, String.class);
    assertTrue(evidence.contains("Failed to start " + unit), evidence);
    assertFalse(manager.isRunning());
    if (!user) {
      // journald reads the service's own output asynchronously: it may trail systemd's lines.
      // (For a user unit, the output of a process that is gone before journald looks at its
      // cgroup is filed under user@UID.service, not the unit: systemd 252 cannot tell.)
      Shell.await(
          "the journal evidence has the service's own words",
          30,
          () -> manager.evidence(20).contains("config missing: /etc/broken.conf"));
    }
  }

  @Test
  void a_unit_that_exits_0_under_restart_on_failure_stays_down_and_is_unhealthy() throws Exception {
    String unit = install(true, "clean-exit", "exit-after=1", "Restart=on-failure");
    TargetPlan plan = plan(unit, new HealthPlan(null, List.of(), 5_000, 60_000));

    services.restartService(plan);
    HealthReport report = services.verifyHealth(plan);

    assertFalse(report.healthy());
    assertEquals("service is not running (" + unit + " is inactive)", report.message());
    assertEquals("0", show(true, unit, "NRestarts"), "systemd did not restart it");
  }

  @Test
  void a_unit_restarted_by_restart_always_during_the_check_did_not_stabilise() throws Exception {
    String unit = install(true, "flapping", "exit-after=1.5", "Restart=always", "RestartSec=200ms");
    TargetPlan plan = plan(unit, new HealthPlan(null, List.of(), 8_000, 60_000));

    services.restartService(plan);
    HealthReport report = services.verifyHealth(plan);
    services.stopService(plan);

    assertFalse(report.healthy());
    assertTrue(report.message().startsWith("service was restarted behind"), report.message());
    assertTrue(report.message().endsWith("it did not stabilise"), report.message());
  }

  @Test
  void a_user_units_memory_is_read_from_its_cgroup() throws Exception {
    String unit = install(true, "memory", "ok", "Restart=always");
    SystemdServiceManager manager = new SystemdServiceManager(unit, true);
    manager.start();

    OptionalLong bytes = manager.memoryBytes();
    manager.stop();

    assertTrue(bytes.isPresent(), "MemoryCurrent of a running user unit");
    assertTrue(bytes.getAsLong() > 1_000_000, "a python process uses more than 1 MB: " + bytes);
    assertEquals(show(true, unit, "MemoryCurrent"), "[not set]", "none once stopped");
  }

  /** Writes and loads {@code steward-NAME.service} running the test server in {@code mode}. */
  private static String install(boolean user, String name, String mode, String... settings)
      throws Exception {
    String unit = "steward-" + name + ".service";
    String text =
        "[Unit]\nDescription=Steward test service "
            + name
            + "\n\n[Service]\nExecStart=/usr/bin/python3 "
            + server
            + " "
            + TestServices.freePort()
            + " "
            + mode
            + "\n"
            + String.join("\n", settings)
            + "\n";
    systemd.writeUnit(user, unit, text);
    systemd.systemctl(user, "daemon-reload").orFail();
    return unit;
  }

  private static String mainPid(boolean user, String unit) throws Exception {
    return show(user, unit, "MainPID");
  }

  private static String show(boolean user, String unit, String property) throws Exception {
    return systemd.systemctl(user, "show", "-p", property, "--value", unit).orFail();
  }

  private static TargetPlan plan(String unit, HealthPlan health) {
    return new TargetPlan(
        "demo",
        "test-host",
        systemd.root().toString(),
        systemd.root().toString(),
        new ServicePlan(ManagerKind.SYSTEMD_USER, null, null, unit),
        new SnapshotPlan(
            systemd.root().resolve("backups").toString(), 3, List.of(), List.of(), List.of()),
        0,
        new UpdatePlan(null, null, List.of("true"), List.of(), 60),
        List.of(),
        health);
  }
}
