package dev.steward.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.steward.activities.pipeline.PlanSource;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan source the pipeline activities resolve plans from: the host's steward.yaml. */
class ConfigPlansTest {
  @TempDir Path tmp;
  ConfigFixture fx;
  Path configFile;
  ConfigPlans plans;

  @BeforeEach
  void write() throws Exception {
    fx = new ConfigFixture(tmp);
    configFile = fx.write(ConfigFixture.MINIMAL);
    plans = new ConfigPlans(() -> fx.loader().load(configFile));
  }

  @Test
  void refuses_a_target_the_config_does_not_name() {
    var failure = assertThrows(PlanSource.NoPlanException.class, () -> plans.plan("blog"));
    assertEquals("no target \"blog\" in " + configFile + " (known: demo)", failure.getMessage());
  }

  @Test
  void reads_the_config_afresh_for_each_plan() throws Exception {
    fx.write(ConfigFixture.MINIMAL.replace("dir: backups", "dir: backups\n      keep: 2"));
    assertEquals(2, plans.plan("demo").snapshot().keep());

    fx.write(ConfigFixture.MINIMAL.replace("manager: process", "manager: upstart"));
    var failure = assertThrows(PlanSource.NoPlanException.class, () -> plans.plan("demo"));
    assertEquals(
        configFile
            + ":6: targets.demo.service.manager: \"upstart\" is not a service manager"
            + " (use process, systemd or systemd-user)",
        failure.getMessage());
  }
}
