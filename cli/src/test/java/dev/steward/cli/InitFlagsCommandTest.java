package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward init} from flags, for a service that is not Hermes: a real checkout and state. */
class InitFlagsCommandTest {
  @TempDir Path tmp;
  private Path checkout;
  private Path state;
  private Path file;

  @BeforeEach
  void createService() throws Exception {
    checkout = Files.createDirectories(tmp.resolve("app"));
    Shell.git(checkout, "init", "-q", "-b", "main");
    Files.writeString(checkout.resolve("Server.java"), "class Server {}\n");
    Shell.git(checkout, "add", "-A");
    Shell.git(checkout, "commit", "-q", "-m", "v1");
    state = Files.createDirectories(tmp.resolve("data"));
    file = tmp.resolve("steward.yaml");
  }

  @Test
  void a_systemd_service_from_flags_passes_config_check_as_written() throws Exception {
    CliRun init =
        init(
            "--unit", "demo.service",
            "--manager", "systemd",
            "--health-url", "http://127.0.0.1:8765/health",
            "--update-command", "./update.sh --quiet");

    assertEquals(0, init.exitCode(), init.toString());
    String yaml = Files.readString(file);
    CliRun check = CliRun.withConfig(file, "config", "check");
    assertEquals(0, check.exitCode(), check + "\n--- file ---\n" + yaml);
    assertTrue(yaml.contains("manager: systemd\n"), yaml);
    assertTrue(yaml.contains("unit: \"demo.service\""), yaml);
    assertTrue(yaml.contains("command: [\"./update.sh\", \"--quiet\"]"), yaml);
    assertTrue(yaml.contains("dir: \"" + tmp.resolve("data-snapshots") + "\""), yaml);
    assertTrue(yaml.contains("url: env:HEALTHCHECKS_URL"), yaml);
    assertTrue(yaml.contains("update: {at: \"03:00\""), yaml);
  }

  @Test
  void a_process_service_following_git_passes_config_check_as_written() throws Exception {
    CliRun init =
        init(
            "--start", "java Server.java --port 8765",
            "--health-command", "./healthcheck.sh",
            "--git-ref", "release");

    assertEquals(0, init.exitCode(), init.toString());
    String yaml = Files.readString(file);
    assertEquals(0, CliRun.withConfig(file, "config", "check").exitCode(), yaml);
    assertTrue(yaml.contains("start: [\"java\", \"Server.java\", \"--port\", \"8765\"]"), yaml);
    assertTrue(yaml.contains("git: {remote: origin, ref: \"release\"}"), yaml);
  }

  @Test
  void a_wrong_flag_is_one_line_exit_2_and_no_file() {
    assertRefused(
        "steward: --health-url localhost:8765 is not an http URL (e.g. http://127.0.0.1:8080/health)",
        "--unit",
        "demo.service",
        "--health-url",
        "localhost:8765");
    assertRefused(
        "steward: --unit and --start exclude each other: systemd starts a unit",
        "--unit",
        "demo.service",
        "--start",
        "java Server.java",
        "--health-url",
        "http://h/");
    assertRefused(
        "steward: missing --health-url URL or --health-command COMMAND: how Steward tells it is"
            + " healthy",
        "--unit",
        "demo.service");
    assertRefused(
        "steward: --manager process is not systemd or systemd-user",
        "--unit",
        "demo.service",
        "--manager",
        "process",
        "--health-url",
        "http://h/");
  }

  @Test
  void a_draft_that_would_not_pass_config_check_is_not_written() {
    CliRun run =
        init(
            "--unit", "demo.service",
            "--health-url", "http://127.0.0.1:8765/health",
            "--snapshot-dir", tmp.resolve("no/such/parent/snapshots").toString());

    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err()
            .startsWith(
                "steward: the file init drafted does not pass config check, so nothing was"
                    + " written: "),
        run.toString());
    assertTrue(run.err().contains("snapshot.dir"), run.toString());
    assertEquals(1, run.err().lines().count(), run.toString());
    assertFalse(Files.exists(file));
    assertFalse(Files.exists(tmp.resolve(".steward.yaml.init.tmp")), "the draft was left behind");
  }

  @Test
  void home_without_hermes_is_refused() {
    CliRun run = init("--home", tmp.toString(), "--unit", "demo.service");

    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(
        "steward: --home goes with --hermes: steward init --hermes --home DIR\n", run.err());
  }

  @Test
  void a_checkout_that_is_not_a_git_work_tree_is_refused() {
    CliRun run =
        CliRun.of(
            "-c",
            file.toString(),
            "init",
            "--name",
            "demo",
            "--checkout",
            state.toString(),
            "--state",
            state.toString(),
            "--unit",
            "demo.service",
            "--health-url",
            "http://h/");

    assertEquals(2, run.exitCode(), run.toString());
    assertEquals("steward: --checkout " + state + " is not a git work tree\n", run.err());
    assertFalse(Files.exists(file));
  }

  private void assertRefused(String line, String... flags) {
    CliRun run = init(flags);
    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(line + "\n", run.err(), run.toString());
    assertEquals("", run.out());
    assertFalse(Files.exists(file), "a file was written");
  }

  private CliRun init(String... flags) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-c",
                file.toString(),
                "init",
                "--name",
                "demo",
                "--checkout",
                checkout.toString(),
                "--state",
                state.toString()));
    args.addAll(List.of(flags));
    return CliRun.of(args.toArray(String[]::new));
  }
}
