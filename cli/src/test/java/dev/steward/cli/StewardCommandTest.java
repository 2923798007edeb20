package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.TestTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Steward's commands that need no running pipeline: help, config check, bad configuration. */
class StewardCommandTest {
  @TempDir Path tmp;

  @Test
  void help_lists_every_exit_code_from_0_to_7_with_its_meaning() {
    CliRun run = CliRun.of("--help");

    assertEquals(0, run.exitCode(), run.toString());
    Map<Integer, String> meanings = new LinkedHashMap<>();
    meanings.put(0, "updated and healthy");
    meanings.put(1, "anything else");
    meanings.put(2, "usage or configuration error");
    meanings.put(3, "failed and rolled back");
    meanings.put(4, "NOT healthy after rollback");
    meanings.put(5, "Temporal unreachable");
    meanings.put(6, "on hold");
    meanings.put(7, "doctor found problems");
    String codes = run.out().substring(run.out().indexOf("Exit codes:"));
    meanings.forEach(
        (code, meaning) ->
            assertTrue(
                codes.lines().anyMatch(l -> l.matches("\\s*" + code + "\\s+.*" + meaning + ".*")),
                code + " " + meaning + " in\n" + codes));
  }

  @Test
  void an_unknown_option_is_exit_2() {
    CliRun run = CliRun.of("update", "--no-such-option", TestTarget.NAME);

    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--no-such-option"), run.err());
  }

  @Test
  void a_missing_parameter_is_exit_2() {
    CliRun run = CliRun.of("schedule", "describe");

    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("TARGET"), run.err());
  }

  @Test
  void config_check_prints_the_resolved_plan_of_each_target() throws Exception {
    TestTarget target = TestTarget.create(tmp);

    CliRun run = CliRun.of("-c", target.config().toString(), "config", "check");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("demo"), run.out());
    assertTrue(run.out().contains(target.checkout().toString()), run.out());
  }

  @Test
  void a_bad_configuration_is_one_line_naming_file_line_and_key_with_exit_2() throws Exception {
    TestTarget target = TestTarget.create(tmp);
    String yaml = Files.readString(target.config()).replace("minFree: 1MiB", "minFree: 5 gigs");
    Files.writeString(target.config(), yaml);

    CliRun run = CliRun.of("-c", target.config().toString(), "update", TestTarget.NAME);

    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(1, run.err().lines().count(), run.toString());
    assertTrue(run.err().contains("steward.yaml:"), run.err());
    assertTrue(run.err().contains("targets.demo.disk.minFree"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void a_missing_configuration_file_is_exit_2() {
    CliRun run = CliRun.of("-c", tmp.resolve("absent.yaml").toString(), "config", "check");

    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("absent.yaml"), run.err());
  }

  @Test
  void demo_installs_v1_updates_to_v2_and_rolls_v3_back() {
    CliRun run = CliRun.of("demo", "--dir", tmp.resolve("demo").toString());

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("demo passed"), run.toString());
    assertTrue(run.out().contains("updated: demo"), run.toString());
    assertTrue(run.out().contains("rolled_back: demo"), run.toString());
  }
}
