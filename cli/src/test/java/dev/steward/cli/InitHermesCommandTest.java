package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward init --hermes} on a Hermes install laid out on disk as its installer lays it out:
 * a home with config.yaml, .env and logs, the code as a real git checkout in {@code hermes-agent/}
 * with a venv whose {@code bin/hermes} is a real executable. That executable is a script that only
 * prints a version: it stands in for the real install, which the real-Hermes tier (a hermes-agent
 * install from PyPI) covers with the same command. What it writes must pass {@code config check} as
 * written.
 */
class InitHermesCommandTest {
  private static final String SECRET = "sk-ant-api03-init-must-never-copy-this";
  private static final String API_KEY = "api-server-key-init-must-never-copy";

  @TempDir Path tmp;
  private HermesLayout layout;
  private Path home;
  private Path checkout;
  private Path file;

  @BeforeEach
  void layOutAHermesInstall() throws Exception {
    layout =
        HermesLayout.create(
            tmp,
            "ANTHROPIC_API_KEY="
                + SECRET
                + "\nAPI_SERVER_ENABLED=true\nAPI_SERVER_KEY="
                + API_KEY
                + "\nAPI_SERVER_PORT=8650\n");
    home = layout.home();
    checkout = layout.checkout();
    file = tmp.resolve("etc/steward.yaml");
  }

  @Test
  void writes_a_config_that_config_check_passes_as_written() throws Exception {
    CliRun init = init();

    assertEquals(0, init.exitCode(), init.toString());
    String yaml = Files.readString(file);
    CliRun check = CliRun.withConfig(file, "config", "check");
    assertEquals(0, check.exitCode(), check + "\n--- file ---\n" + yaml);
    String hermes = checkout.resolve("venv/bin/hermes").toString();
    String run = "[\"env\", \"HERMES_HOME=" + home + "\", \"" + hermes + "\", ";
    assertTrue(yaml.contains("export: " + run + "\"backup\", \"-o\", \"{file}\"]"), yaml);
    assertTrue(yaml.contains("import: " + run + "\"import\", \"--force\", \"{file}\"]"), yaml);
    assertTrue(yaml.contains("command: " + run + "\"update\", \"--yes\"]"), yaml);
    assertTrue(yaml.contains("http: \"http://127.0.0.1:8650/health\""), yaml);
    String python = checkout.resolve("venv/bin/python3").toString();
    assertTrue(
        yaml.contains(
            "then:\n        - [\""
                + python
                + "\", \"-m\", \"pip\", \"install\", \"-q\", \"-e\", \""
                + checkout
                + "\"]"),
        yaml);
    assertTrue(yaml.contains("status: \"https://status.anthropic.com/api/v2/status.json\""), yaml);
    assertTrue(yaml.contains("log: \"" + home.resolve("logs/agent.log") + "\""), yaml);
    assertTrue(yaml.contains("url: env:HEALTHCHECKS_URL"), yaml);
    assertTrue(yaml.contains("update: {at: \"03:00\", timezone: "), yaml);
    assertTrue(yaml.contains("jitter: 10m"), yaml);
    assertTrue(yaml.contains("unit: \"hermes-gateway-"), yaml);
    assertTrue(init.out().contains("found: version: Hermes Agent v0.19.0 (2026.7.1)"), init.out());
    assertTrue(init.out().contains("found: API server: enabled in .env, port 8650"), init.out());
    assertTrue(init.out().contains("not found: no gateway unit hermes-gateway-"), init.out());
  }

  @Test
  void never_copies_a_secret_from_dot_env() throws Exception {
    CliRun init = init();

    assertEquals(0, init.exitCode(), init.toString());
    assertFalse(Files.readString(file).contains(SECRET), "the secret is in the file");
    assertFalse(init.out().contains(SECRET) || init.err().contains(SECRET), init.toString());
    assertFalse(Files.readString(file).contains("ANTHROPIC_API_KEY"), "a key name leaked");
    assertFalse(Files.readString(file).contains(API_KEY), "the API server's key is in the file");
    assertFalse(init.out().contains(API_KEY) || init.err().contains(API_KEY), init.toString());
  }

  @Test
  void an_api_server_enabled_without_a_key_hermes_accepts_is_not_probed() throws Exception {
    // Hermes refuses to start the API server without an API_SERVER_KEY of 16+ characters, so a
    // /health probe would fail every update; the gateway's own liveness is the signal instead.
    Files.writeString(
        home.resolve(".env"),
        "API_SERVER_ENABLED=true\nAPI_SERVER_KEY=sh0rt-k3y\nAPI_SERVER_PORT=8650\n");

    CliRun init = init();

    assertEquals(0, init.exitCode(), init.toString());
    String yaml = Files.readString(file);
    assertEquals(0, CliRun.withConfig(file, "config", "check").exitCode(), yaml);
    assertFalse(yaml.contains("      http:"), yaml);
    assertTrue(yaml.contains(home.resolve("state/gateway.heartbeat").toString()), yaml);
    assertTrue(
        init.out().contains("not found: API server: on in .env, but API_SERVER_KEY is missing"),
        init.out());
    assertFalse(yaml.contains("sh0rt-k3y"), yaml);
  }

  @Test
  void without_the_api_server_health_is_the_gateways_heartbeat_and_v0_12_gets_no_yes()
      throws Exception {
    Files.writeString(home.resolve(".env"), "ANTHROPIC_API_KEY=" + SECRET + "\n");
    version("Hermes Agent v0.12.0 (2026.4.30)");
    Files.delete(checkout.resolve("venv/lib/python3.11/site-packages/pip"));

    CliRun init = init();

    assertEquals(0, init.exitCode(), init.toString());
    String yaml = Files.readString(file);
    assertEquals(0, CliRun.withConfig(file, "config", "check").exitCode(), yaml);
    assertTrue(yaml.contains("\"update\"]"), yaml);
    assertFalse(yaml.contains("\"--yes\""), yaml);
    assertFalse(yaml.contains("      http:"), yaml);
    assertTrue(yaml.contains(home.resolve("state/gateway.heartbeat").toString()), yaml);
    assertTrue(init.out().contains("not found: API server: not enabled"), init.out());
    assertTrue(init.out().contains("not found: no pip in the venv"), init.out());
    assertFalse(yaml.contains("then:"), yaml);
  }

  @Test
  void the_heartbeat_check_it_writes_passes_on_a_fresh_beat_and_fails_on_a_dead_pid()
      throws Exception {
    Files.writeString(home.resolve(".env"), "");
    assertEquals(0, init().exitCode());
    String yaml = Files.readString(file);
    String code = yaml.lines().filter(l -> l.contains("\"-c\"")).findFirst().orElseThrow();
    Path beat = Files.createDirectories(home.resolve("state")).resolve("gateway.heartbeat");
    String check = code.substring(code.indexOf("\"-c\", \"") + 7, code.indexOf("\", \"" + beat));

    Files.writeString(beat, "{\"pid\": " + ProcessHandle.current().pid() + "}");
    assertEquals(0, python(check, beat), "a fresh beat of a live pid");
    Files.writeString(beat, "{\"pid\": 999999999}");
    assertTrue(python(check, beat) != 0, "a beat of a dead pid");
  }

  @Test
  void an_existing_file_is_kept_unless_forced() throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "mine\n");

    CliRun refused = init();

    assertEquals(2, refused.exitCode(), refused.toString());
    assertEquals("steward: " + file + " exists: pass --force to replace it\n", refused.err());
    assertEquals("mine\n", Files.readString(file));
    CliRun forced = init("--force");
    assertEquals(0, forced.exitCode(), forced.toString());
    assertTrue(Files.readString(file).contains("targets:"));
  }

  @Test
  void a_home_without_a_checkout_is_one_line_and_writes_nothing() throws Exception {
    CliRun run = init("--checkout", tmp.resolve("nowhere").toString());

    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(
        "steward: no git checkout of Hermes's code at "
            + tmp.resolve("nowhere")
            + ": pass --checkout DIR\n",
        run.err());
    assertFalse(Files.exists(file));
  }

  private void version(String line) throws Exception {
    layout.version(line);
  }

  private CliRun init(String... more) {
    String[] args = new String[5 + more.length];
    args[0] = "-c";
    args[1] = file.toString();
    args[2] = "init";
    args[3] = "--hermes";
    args[4] = "--home=" + home;
    System.arraycopy(more, 0, args, 5, more.length);
    return CliRun.of(args);
  }

  private static int python(String code, Path beat) throws Exception {
    String unescaped = code.replace("\\\"", "\"").replace("\\\\", "\\");
    return new ProcessBuilder("python3", "-c", unescaped, beat.toString())
        .redirectErrorStream(true)
        .start()
        .waitFor();
  }
}
