package dev.steward.worker.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the generated units say for a systemd other than this machine's (the units for this one are
 * verified and booted against the sandbox's systemd 252 in the cli tests).
 */
class StewardUnitsTest {
  @Test
  void on_systemd_254_the_worker_backs_off_as_the_field_guide_wants_and_nothing_is_adapted() {
    InstallPlan plan =
        new InstallPlan(
            UnitScope.SYSTEM,
            SystemdVersion.parse("systemd 254 (254.5-1)\n+PAM +AUDIT"),
            List.of("/usr/bin/java", "-jar", "/opt/steward/steward.jar"),
            Path.of("/etc/steward/steward.yaml"),
            Map.of(),
            null,
            null);

    List<UnitFile> units = StewardUnits.generate(plan);

    assertEquals(1, units.size());
    String worker = units.get(0).text();
    assertTrue(worker.contains("Restart=always\nRestartSec=60\nRestartSteps=5\n"), worker);
    assertTrue(worker.contains("RestartMaxDelaySec=300\n"), worker);
    assertTrue(
        worker.contains(
            "ExecStart=/usr/bin/java -jar /opt/steward/steward.jar -c /etc/steward/steward.yaml"
                + " worker\n"),
        worker);
    assertTrue(worker.contains("WantedBy=multi-user.target\n"), worker);
    assertEquals(List.of(), StewardUnits.adaptations(plan.version()));
  }

  @Test
  void exec_start_words_keep_spaces_quotes_percent_and_dollar_as_they_are() {
    String line = ExecLine.of(List.of("/opt/my app/run", "50%", "$HOME", "say \"hi\""));

    assertEquals("\"/opt/my app/run\" 50%% $$HOME \"say \\\"hi\\\"\"", line);
  }
}
