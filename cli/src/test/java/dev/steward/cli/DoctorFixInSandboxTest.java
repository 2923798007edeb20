package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.testing.Shell;
import dev.steward.activities.testing.SystemdSandbox;
import dev.steward.worker.TestTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code steward doctor TARGET --fix} on the field guide's unit in the sandbox's real systemd 252:
 * {@code Restart=on-failure} and {@code StartLimitIntervalSec=0} in [Service], a service that exits
 * 0. Before the fix systemd leaves it down; after it, systemd restarts it; the unit file is never
 * touched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DoctorFixInSandboxTest {
  private static final String UNIT = "steward-fix.service";

  @RegisterExtension static final SystemdSandbox systemd = new SystemdSandbox();

  private static TestTarget target;
  private static Path dir;
  private static Path unitFile;
  private static byte[] unitBytes;
  private static Path dropIn;

  @BeforeAll
  static void installTheGuidesUnit() throws Exception {
    dir = systemd.newDir("fix");
    target = TestTarget.create(systemd.newDir("target")).systemdUser(UNIT);
    // Counts its starts, then exits 0 when told to: the gateway after a provider's 429.
    Path service =
        Shell.script(
            dir.resolve("service.sh"),
            "echo start >> "
                + dir.resolve("starts")
                + "\nwhile [ ! -e "
                + dir.resolve("exit-now")
                + " ]; do sleep 0.1; done\nrm -f "
                + dir.resolve("exit-now")
                + "\nexit 0");
    unitFile =
        systemd.writeUnit(
            true,
            UNIT,
            "[Unit]\nDescription=the guide's unit\n\n[Service]\nExecStart="
                + service
                + "\nRestart=on-failure\nRestartSec=1\nStartLimitIntervalSec=0\n"
                + "TimeoutStopSec=60\n");
    unitBytes = Files.readAllBytes(unitFile);
    dropIn = systemd.userUnits().resolve(UNIT + ".d/steward.conf");
    systemd.systemctl(true, "daemon-reload").orFail();
  }

  @Test
  @Order(1)
  void dry_run_shows_the_drop_in_and_writes_nothing() throws Exception {
    CliRun run = fix("--dry-run");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("demo: would write " + dropIn + " (new):"), run.toString());
    assertTrue(run.out().contains("  Restart=always\n"), run.toString());
    assertTrue(run.out().contains("  [Unit]\n  StartLimitIntervalSec=0\n"), run.toString());
    assertTrue(run.out().contains("demo: would change Restart: on-failure -> Restart=always"));
    assertFalse(Files.exists(dropIn.getParent()), "a dry run wrote the drop-in");
  }

  @Test
  @Order(2)
  void after_the_fix_systemd_restarts_the_service_that_exits_0() throws Exception {
    systemd.systemctl(true, "start", UNIT).orFail();
    long first = mainPid();
    exitZero();
    Shell.await("the unit is down after exit 0", 60, () -> state().equals("inactive"));
    assertEquals("0", property("NRestarts"), "Restart=on-failure restarted it");

    systemd.systemctl(true, "start", UNIT).orFail();
    long second = mainPid();
    assertNotEquals(first, second);
    CliRun run = fix();

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("demo: wrote " + dropIn), run.toString());
    assertTrue(run.out().contains("demo: systemctl --user daemon-reload"), run.toString());
    assertTrue(run.out().contains("demo: Restart: on-failure -> always"), run.toString());
    assertTrue(run.out().contains("demo: StartLimitIntervalUSec: 10s -> 0"), run.toString());
    assertTrue(
        run.out()
            .contains(
                "demo: left in the unit file (a drop-in cannot remove a line; Steward never edits"
                    + " the unit): "),
        run.toString());
    assertArrayEquals(unitBytes, Files.readAllBytes(unitFile), "the unit file was edited");
    assertEquals("always", property("Restart"));

    exitZero();
    Shell.await("systemd restarts it", 60, () -> restartedFrom(second));
    assertEquals("1", property("NRestarts"), DoctorFixInSandboxTest::journal);
    assertEquals("active", state());
  }

  @Test
  @Order(3)
  void a_second_fix_changes_nothing() throws Exception {
    byte[] written = Files.readAllBytes(dropIn);

    CliRun run = fix();

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.out().contains("demo: " + dropIn + " already corrects " + UNIT + ": nothing to change"),
        run.toString());
    assertFalse(run.out().contains("daemon-reload"), run.toString());
    assertArrayEquals(written, Files.readAllBytes(dropIn));
    assertArrayEquals(unitBytes, Files.readAllBytes(unitFile));
    systemd.systemctl(true, "stop", UNIT).orFail();
  }

  @Test
  @Order(4)
  void a_user_who_does_not_linger_is_made_to() throws Exception {
    SystemdSandbox.exec("loginctl", "disable-linger", "root").orFail();
    try {
      CliRun run = fix();

      assertEquals(0, run.exitCode(), run.toString());
      assertTrue(
          run.out().contains("demo: enabled lingering for root (loginctl enable-linger)"),
          run.toString());
      assertEquals(
          "yes",
          SystemdSandbox.exec("loginctl", "show-user", "root", "-p", "Linger", "--value").orFail());
    } finally {
      SystemdSandbox.exec("loginctl", "enable-linger", "root").orFail();
      Shell.await("the user manager runs again", 60, DoctorFixInSandboxTest::userManagerRuns);
    }
  }

  private static boolean userManagerRuns() {
    try {
      return systemd.systemctl(true, "is-system-running").output().equals("running");
    } catch (Exception e) {
      return false;
    }
  }

  private static CliRun fix(String... more) {
    String[] args = new String[6 + more.length];
    args[0] = "-c";
    args[1] = target.config().toString();
    args[2] = "doctor";
    args[3] = TestTarget.NAME;
    args[4] = "--fix";
    args[5] = "--unit-dir=" + systemd.userUnits();
    System.arraycopy(more, 0, args, 6, more.length);
    return CliRun.of(args);
  }

  private static void exitZero() throws Exception {
    Files.writeString(dir.resolve("exit-now"), "");
  }

  private static long mainPid() throws Exception {
    Shell.await("the service runs", 60, () -> mainPidOr0() != 0);
    return mainPidOr0();
  }

  private static boolean restartedFrom(long pid) {
    long now = mainPidOr0();
    return now != 0 && now != pid;
  }

  private static long mainPidOr0() {
    try {
      return Long.parseLong(property("MainPID"));
    } catch (Exception e) {
      return 0;
    }
  }

  private static String state() {
    try {
      return property("ActiveState");
    } catch (Exception e) {
      return "";
    }
  }

  private static String journal() {
    try {
      return SystemdSandbox.exec("journalctl", "--user-unit", UNIT, "--no-pager").output()
          + "\nstarts: "
          + Files.readString(dir.resolve("starts"));
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static String property(String name) throws Exception {
    return systemd.systemctl(true, "show", "-p", name, "--value", UNIT).orFail();
  }
}
