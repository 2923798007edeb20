package dev.steward.activities.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.host.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the systemd manager without a unit of our own: a unit systemd cannot run
 * (here, one that does not exist, or no systemd at all) is down, and restarting it fails with one
 * line naming the command. Against a real unit it is tested with the systemd recipe.
 */
class SystemdServiceManagerTest {
  private static final String UNIT =
      "steward-test-no-such-unit-" + ProcessHandle.current().pid() + ".service";

  private final SystemdServiceManager manager = new SystemdServiceManager(UNIT, true);

  @Test
  void a_unit_systemd_cannot_run_is_not_running() {
    ServiceStatus status = manager.status();

    assertFalse(status.running());
    assertTrue(status.detail().length() > 0);
  }

  @Test
  void restarting_a_unit_systemd_cannot_start_fails_with_the_command_in_one_line() {
    ApplicationFailure failure = assertThrows(ApplicationFailure.class, manager::restart);

    assertEquals(FailureTypes.SERVICE_FAILED, failure.getType());
    String message = failure.getOriginalMessage();
    assertTrue(message.startsWith("systemctl --user restart " + UNIT + " exited "), message);
    assertFalse(message.contains("\n"), message);
  }
}
