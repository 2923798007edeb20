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
            null);

    List<UnitFile> units = StewardUnits.generate(plan);

    assertEquals(1, units.size());
    String worker = units.get(0).text();
    assertTrue(worker.contains("Restart=always\nRestartSec=60\nRestartSteps=5\n"), worker);
    assertTrue(worker.contains("RestartMaxDelaySec=300\n"), worker);
    assertTrue(
        worker.contains(
            "ExecStart=/usr/bin/java "
                + String.join(" ", WorkerJvm.OPTIONS)
                + " -jar /opt/steward/steward.jar -c /etc/steward/steward.yaml worker\n"),
        worker);
    assertTrue(worker.contains("WantedBy=multi-user.target\n"), worker);
    assertEquals(List.of(), StewardUnits.adaptations(plan.version()));
  }

  @Test
  void the_server_listens_on_loopback_with_stewards_attributes_and_the_worker_starts_after_it() {
    ServerPlan server =
        new ServerPlan(
            Path.of("/usr/local/bin/temporal"),
            Path.of("/var/lib/steward/t.db"),
            7233,
            8233,
            "ops");
    InstallPlan plan =
        new InstallPlan(
            UnitScope.USER,
            SystemdVersion.parse("systemd 254 (254.5-1)\n+PAM +AUDIT"),
            List.of("/usr/bin/java", "-jar", "/opt/steward/steward.jar"),
            Path.of("/etc/steward/steward.yaml"),
            Map.of(),
            server);

    List<UnitFile> units = StewardUnits.generate(plan);

    assertEquals(
        List.of(StewardUnits.SERVER, StewardUnits.WORKER),
        units.stream().map(UnitFile::name).toList());
    String unit = units.get(0).text();
    assertTrue(
        unit.contains(
            "ExecStart=/usr/local/bin/temporal server start-dev --ip 127.0.0.1 --port 7233"
                + " --ui-port 8233 --db-filename /var/lib/steward/t.db --namespace ops"
                + " --search-attribute StewardTarget=Keyword --search-attribute"
                + " StewardHost=Keyword --search-attribute StewardOutcome=Keyword"
                + " --search-attribute StewardKind=Keyword --search-attribute StewardFleet=Keyword\n"),
        unit);
    assertTrue(unit.contains("Restart=always\nRestartSec=5\nRestartSteps=5\n"), unit);
    assertTrue(unit.contains("\nStartLimitIntervalSec=0\n\n[Service]"), unit);
    String worker = units.get(1).text();
    assertTrue(
        worker.contains("Wants=" + StewardUnits.SERVER + "\nAfter=" + StewardUnits.SERVER), worker);
  }

  @Test
  void exec_start_words_keep_spaces_quotes_percent_and_dollar_as_they_are() {
    String line = ExecLine.of(List.of("/opt/my app/run", "50%", "$HOME", "say \"hi\""));

    assertEquals("\"/opt/my app/run\" 50%% $$HOME \"say \\\"hi\\\"\"", line);
  }
}
