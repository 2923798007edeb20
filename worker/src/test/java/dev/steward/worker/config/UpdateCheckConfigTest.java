package dev.steward.worker.config;

import static dev.steward.worker.config.ConfigFixture.minimalWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command update's {@code check:}, which says before the snapshot whether there is anything. */
class UpdateCheckConfigTest {
  private static final String GIT = "      git: {remote: origin, ref: main}\n";

  @TempDir Path tmp;
  ConfigFixture fx;

  @BeforeEach
  void layOutHost() throws Exception {
    fx = new ConfigFixture(tmp);
  }

  @Test
  void resolves_into_the_command_update_plan() throws Exception {
    String yaml =
        minimalWith(GIT, "      command: [./up.sh]\n      check: [./has-update.sh, -q]\n");

    StewardConfig config = fx.load(yaml);

    assertEquals(List.of("./has-update.sh", "-q"), config.targets().get("demo").update().check());
  }

  @Test
  void defaults_to_none_so_the_update_runs_as_before() throws Exception {
    StewardConfig config = fx.load(minimalWith(GIT, "      command: [./up.sh]\n"));

    assertEquals(List.of(), config.targets().get("demo").update().check());
  }

  @Test
  void refuses_a_check_with_a_git_update() throws Exception {
    String yaml = minimalWith(GIT, GIT + "      check: [./has-update.sh]\n");

    assertEquals(
        "steward.yaml:12: targets.demo.update.check: needs an update command: a git update looks"
            + " for new code itself (remove check, or update with command: [...])",
        fx.error(yaml));
  }

  @Test
  void refuses_a_check_that_is_not_a_command_list() throws Exception {
    String yaml = minimalWith(GIT, "      command: [./up.sh]\n      check: ./has-update.sh -q\n");

    assertEquals(
        "steward.yaml:12: targets.demo.update.check: \"./has-update.sh -q\" is not a list"
            + " (write it as a list: [./has-update.sh, -q])",
        fx.error(yaml));
  }
}
