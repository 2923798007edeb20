package dev.steward.worker.config;

import static dev.steward.worker.config.ConfigFixture.minimalWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A target's {@code cooldown:}: only git updates honour it. */
class CooldownConfigTest {
  private static final String HEALTH = "    health:\n";

  @TempDir Path tmp;
  ConfigFixture fx;

  @BeforeEach
  void layOutHost() throws Exception {
    fx = new ConfigFixture(tmp);
  }

  @Test
  void resolves_into_the_git_update_plan() throws Exception {
    StewardConfig config = fx.load(minimalWith(HEALTH, "    cooldown: 2d\n" + HEALTH));

    assertEquals(172_800_000L, config.targets().get("demo").update().cooldownMillis());
  }

  @Test
  void defaults_to_none() throws Exception {
    assertEquals(0, fx.load(ConfigFixture.MINIMAL).targets().get("demo").update().cooldownMillis());
  }

  @Test
  void refuses_a_cooldown_with_an_update_command() throws Exception {
    String yaml =
        minimalWith("      git: {remote: origin, ref: main}\n", "      command: [./up.sh]\n")
            .replace(HEALTH, "    cooldown: 2d\n" + HEALTH);

    assertEquals(
        "steward.yaml:12: targets.demo.cooldown: needs a git update: an update command picks its own"
            + " revision (remove cooldown, or update with git: {remote: origin, ref: main})",
        fx.error(yaml));
  }

  @Test
  void refuses_a_cooldown_that_is_not_a_duration() throws Exception {
    assertEquals(
        "steward.yaml:12: targets.demo.cooldown: \"two days\" is not a duration (try 2d)",
        fx.error(minimalWith(HEALTH, "    cooldown: two days\n" + HEALTH)));
  }
}
