package dev.steward.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanPrinterTest {
  @TempDir Path tmp;

  @Test
  void describes_a_target_plan_with_its_defaults_filled_in() throws Exception {
    ConfigFixture fx = new ConfigFixture(tmp);
    String yaml =
        ConfigFixture.MINIMAL
            + "    patches:\n"
            + "      - name: kwargs-fix\n"
            + "        apply: [python3, patch3.py]\n"
            + "        verify: {file: run.py, contains: \"**kwargs\"}\n";
    String root = fx.root.toString();

    String text = PlanPrinter.describe(fx.load(yaml).targets().get("demo"));

    assertEquals(
        """
        target demo (host test-host)
          checkout   %1$s/app
          state      %1$s/data
          service    process: java Server.java (in %1$s/app)
          snapshot   %1$s/backups, keep 7
                     built-in archive of the state directory
          disk       keep 512MiB free
          update     git: fetch origin, move to origin/main (timeout 15m)
          patch      kwargs-fix: python3 patch3.py
                     verify run.py contains '**kwargs'
          health     service running, GET http://127.0.0.1:8765/health answers 2xx
                     must hold for 10s within 2m
        """
            .formatted(root),
        text);
  }

  @Test
  void describes_the_whole_config_starting_with_where_temporal_is() throws Exception {
    ConfigFixture fx = new ConfigFixture(tmp);
    String text = PlanPrinter.describe(fx.load(ConfigFixture.MINIMAL));
    assertEquals(
        "config     "
            + fx.root.resolve("steward.yaml")
            + "\ntemporal   embedded (in this process; nothing kept across restarts)\nhost       test-host\n\ntarget demo",
        text.substring(0, text.indexOf(" (host test-host)")));
  }
}
