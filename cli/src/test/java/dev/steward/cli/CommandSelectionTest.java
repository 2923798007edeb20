package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code main} builds only the command its arguments name, none for {@code --version}; help and
 * unknown words get all.
 */
class CommandSelectionTest {
  @Test
  void builds_only_the_named_command_after_the_top_level_options() {
    assertEquals(Set.of("config"), commands("-c", "steward.yaml", "config", "check"));
    assertEquals(Set.of("update"), commands("--verbose", "update", "demo", "--output", "json"));
    assertEquals(Set.of("approve"), commands("--config=steward.yaml", "approve", "demo"));
  }

  @Test
  void the_version_needs_no_command() {
    assertEquals(Set.of(), commands("--version"));
    assertEquals(Set.of(), commands("-c", "steward.yaml", "-V"));

    CliRun run = CliRun.of("--version");
    assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("steward "), run.toString());
  }

  @Test
  void help_no_command_and_an_unknown_one_get_every_command() {
    int all = Steward.COMMANDS.size();

    assertEquals(all, commands("help", "update").size());
    assertEquals(all, commands("--help").size());
    assertEquals(all, commands("-c", "config").size()); // "config" is -c's file here
    assertEquals(all, commands("updat", "demo").size());
  }

  @Test
  void a_mistyped_command_is_a_usage_error_that_suggests_the_right_one() {
    CliRun run = CliRun.of("updat", "demo");

    assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
    assertTrue(run.err().contains("update"), run.toString());
  }

  private static Set<String> commands(String... args) {
    return Steward.commandLine(args).getSubcommands().keySet();
  }
}
