package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.testing.Shell;
import dev.steward.activities.testing.SystemdSandbox;
import dev.steward.worker.TestTarget;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code steward doctor TARGET} against real user units in the sandbox's systemd 252. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DoctorCommandInSandboxTest {
  private static final String UNIT = "steward-demo.service";

  @RegisterExtension static final SystemdSandbox systemd = new SystemdSandbox();

  private static TestTarget target;

  @BeforeAll
  static void createTarget() throws Exception {
    target = TestTarget.create(systemd.newDir("target")).systemdUser(UNIT);
  }

  @Test
  @Order(1)
  void the_field_guides_unit_gets_a_line_per_ignored_key_and_the_limit_it_leaves_in_place()
      throws Exception {
    unit(
        "Restart=always\nRestartSec=60\nRestartSteps=5\nRestartMaxDelaySec=300\n"
            + "StartLimitIntervalSec=0\nTimeoutStartSec=300\nTimeoutStopSec=60");

    CliRun run = doctor();

    assertEquals(7, run.exitCode(), run.toString());
    List<String> lines = run.out().lines().toList();
    assertEquals(4, lines.size(), run.toString());
    assertTrue(
        lines
            .get(0)
            .endsWith(
                "starts within 10s (start-rate limit) and stays down; "
                    + "set StartLimitIntervalSec=0 in [Unit]"),
        run.toString());
    assertLine(lines, "Unknown key 'RestartSteps' in section [Service], ignoring.; remove it");
    assertLine(lines, "Unknown key 'RestartMaxDelaySec'");
    assertLine(
        lines,
        "Unknown key 'StartLimitIntervalSec' in section [Service], ignoring.; "
            + "move StartLimitIntervalSec= to [Unit]");
  }

  @Test
  @Order(2)
  void the_unit_before_the_outage_is_told_to_restart_always_to_pause_and_to_stop_gently()
      throws Exception {
    unit("Restart=on-failure\nTimeoutStopSec=10");

    CliRun run = doctor();

    assertEquals(7, run.exitCode(), run.toString());
    List<String> lines = run.out().lines().toList();
    assertLine(
        lines,
        "has Restart=on-failure: systemd leaves it down when it exits 0; "
            + "set Restart=always in [Service]");
    assertLine(
        lines,
        "restarts after 100ms: a failing service restarts in a tight loop; " + "set RestartSec=60");
    assertLine(
        lines,
        "is killed 10s after SIGTERM: too little to stop cleanly; " + "set TimeoutStopSec=60");
    assertLine(lines, "(start-rate limit)");
    assertEquals(4, lines.size(), run.toString());
  }

  @Test
  @Order(3)
  void a_unit_as_steward_install_writes_it_is_sound() throws Exception {
    systemd.writeUnit(
        true,
        UNIT,
        target
            .unitFile("Restart=always\nRestartSec=60\nTimeoutStopSec=60")
            .replace("[Service]", "StartLimitIntervalSec=0\n\n[Service]"));
    systemd.systemctl(true, "daemon-reload").orFail();

    CliRun run = doctor();

    assertEquals(0, run.exitCode(), run.toString());
    assertEquals("demo: " + UNIT + " is sound\n", run.out(), run.toString());
  }

  @Test
  @Order(4)
  void a_user_unit_without_lingering_is_told_to_enable_it() throws Exception {
    systemd.writeUnit(
        true,
        UNIT,
        target
            .unitFile("Restart=always\nRestartSec=60\nTimeoutStopSec=60")
            .replace("[Service]", "StartLimitIntervalSec=0\n\n[Service]"));
    systemd.systemctl(true, "daemon-reload").orFail();
    SystemdSandbox.exec("loginctl", "disable-linger", "root").orFail();
    try {
      CliRun run = doctor();

      assertEquals(7, run.exitCode(), run.toString());
      assertEquals(
          "demo: lingering is off for root: "
              + UNIT
              + " stops when root logs out and does not start at boot; "
              + "run loginctl enable-linger root\n",
          run.out(),
          run.toString());
    } finally {
      SystemdSandbox.exec("loginctl", "enable-linger", "root").orFail();
      Shell.await("the user manager runs again", 60, DoctorCommandInSandboxTest::userManagerRuns);
    }
  }

  @Test
  @Order(5)
  void a_system_unit_is_checked_in_the_systems_manager() throws Exception {
    TestTarget system = TestTarget.create(systemd.newDir("system")).systemdSystem(UNIT);
    systemd.writeUnit(false, UNIT, system.unitFile("Restart=on-abnormal\nRestartSec=60"));
    systemd.systemctl(false, "daemon-reload").orFail();

    CliRun run = CliRun.of("-c", system.config().toString(), "doctor", TestTarget.NAME);

    assertEquals(7, run.exitCode(), run.toString());
    List<String> lines = run.out().lines().toList();
    assertLine(lines, "has Restart=on-abnormal: systemd leaves it down when it exits 0");
    assertLine(lines, "(start-rate limit)");
    assertEquals(2, lines.size(), run.toString());
  }

  @Test
  @Order(6)
  void a_process_target_has_no_unit_to_check() throws Exception {
    TestTarget process = TestTarget.create(systemd.newDir("process"));

    CliRun run = CliRun.of("-c", process.config().toString(), "doctor", TestTarget.NAME);

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("process manager: no unit to check"), run.toString());
  }

  private static void unit(String serviceLines) throws Exception {
    systemd.writeUnit(true, UNIT, target.unitFile(serviceLines));
    systemd.systemctl(true, "daemon-reload").orFail();
  }

  private static CliRun doctor() {
    return CliRun.of("-c", target.config().toString(), "doctor", TestTarget.NAME);
  }

  private static void assertLine(List<String> lines, String text) {
    assertTrue(
        lines.stream().anyMatch(line -> line.startsWith("demo: ") && line.contains(text)),
        () -> "no line with \"" + text + "\" in:\n" + String.join("\n", lines));
  }

  private static boolean userManagerRuns() {
    try {
      return systemd.systemctl(true, "is-system-running").output().equals("running");
    } catch (Exception e) {
      return false;
    }
  }
}
