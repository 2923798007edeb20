package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.testing.SystemdSandbox;
import dev.steward.worker.init.GatewayUnit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code steward init --hermes} finds the gateway's unit in the sandbox's real systemd 252. */
class InitHermesInSandboxTest {
  @RegisterExtension static final SystemdSandbox systemd = new SystemdSandbox();

  @Test
  void a_user_unit_of_the_gateway_is_found_in_the_users_manager() throws Exception {
    HermesLayout layout = HermesLayout.create(systemd.newDir("user"), "");
    String unit = GatewayUnit.nameFor(layout.home(), Path.of("/root/.hermes"));
    systemd.writeUnit(true, unit, "[Service]\nExecStart=/bin/sleep infinity\n");
    systemd.systemctl(true, "daemon-reload").orFail();

    Path file = layout.home().resolve("steward.yaml");
    CliRun run = init(layout, file);

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.out().contains("found: gateway unit: " + unit + " (systemd-user, inactive)"),
        run.toString());
    String yaml = Files.readString(file);
    assertTrue(yaml.contains("manager: systemd-user\n      unit: \"" + unit + "\""), yaml);
    assertEquals(0, CliRun.withConfig(file, "config", "check").exitCode(), yaml);
  }

  @Test
  void a_system_unit_of_the_gateway_is_found_in_the_systems_manager() throws Exception {
    HermesLayout layout = HermesLayout.create(systemd.newDir("system"), "");
    String unit = GatewayUnit.nameFor(layout.home(), Path.of("/root/.hermes"));
    systemd.writeUnit(false, unit, "[Service]\nExecStart=/bin/sleep infinity\n");
    systemd.systemctl(false, "daemon-reload").orFail();
    systemd.systemctl(false, "start", unit).orFail();

    Path file = layout.home().resolve("steward.yaml");
    CliRun run = init(layout, file);

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.out().contains("found: gateway unit: " + unit + " (systemd, active)"), run.toString());
    assertTrue(Files.readString(file).contains("manager: systemd\n"));
    systemd.systemctl(false, "stop", unit).orFail();
  }

  private static CliRun init(HermesLayout layout, Path file) {
    return CliRun.of("-c", file.toString(), "init", "--hermes", "--home=" + layout.home());
  }
}
