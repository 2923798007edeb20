package dev.steward.worker.hermes;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/**
 * A real Hermes Agent install, built (once, then cached) and put back as first built by {@code
 * scripts/hermes-fixture}: a {@code HERMES_HOME} whose {@code hermes-agent/} checkout has two
 * commits, two consecutive published releases from their source distributions, and a venv with the
 * older installed. Where it cannot be built (no PyPI, no python3 venv) the tests are skipped with
 * the reason; with {@code STEWARD_REQUIRE_HERMES=1} (CI) that is a failure.
 *
 * <p>The fixture lives in {@code $STEWARD_HERMES_FIXTURE}, else {@code
 * ~/.cache/steward/hermes-fixture}: one at a time, since the venv is installed in place.
 */
public final class HermesInstall {
  static final String TARGET = "hermes";

  /** The fake provider key in the fixture's .env: it must never reach Steward's output. */
  public static final String SECRET = "sk-test-steward-fixture-9f2c41d7e5a8b3c6";

  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(20);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

  public final Path home;
  public final Path code;
  final Path hermes;
  public final String oldVersion;
  final String newVersion;
  final String oldRevision;
  final String newRevision;
  final int apiPort;

  private HermesInstall(Map<String, String> layout, int apiPort) {
    home = Path.of(layout.get("HERMES_HOME"));
    code = Path.of(layout.get("HERMES_CODE"));
    hermes = Path.of(layout.get("HERMES_BIN"));
    oldVersion = layout.get("HERMES_OLD");
    newVersion = layout.get("HERMES_NEW");
    oldRevision = layout.get("OLD_REV");
    newRevision = layout.get("NEW_REV");
    this.apiPort = apiPort;
  }

  /** The install as first built, its API server on {@code apiPort}; builds it the first time. */
  public static HermesInstall prepare(int apiPort) throws IOException, InterruptedException {
    Path script = Path.of("../scripts/hermes-fixture").toAbsolutePath().normalize();
    String dir = System.getenv("STEWARD_HERMES_FIXTURE");
    Path fixture =
        dir != null
            ? Path.of(dir)
            : Path.of(System.getProperty("user.home"), ".cache", "steward", "hermes-fixture");
    Path log = Files.createTempFile("hermes-fixture-", ".log");
    Process build =
        new ProcessBuilder(
                script.toString(), fixture.toString(), "--api-port", Integer.toString(apiPort))
            .redirectError(log.toFile())
            .start();
    build.getOutputStream().close();
    String out = new String(build.getInputStream().readAllBytes(), UTF_8);
    if (!build.waitFor(BUILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
      build.destroyForcibly();
      unavailable("scripts/hermes-fixture took over " + BUILD_TIMEOUT.toMinutes() + " min");
    }
    if (build.exitValue() != 0) {
      List<String> lines = Files.readAllLines(log);
      String last = lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
      unavailable("scripts/hermes-fixture exited " + build.exitValue() + ": " + last);
    }
    Files.delete(log);
    Map<String, String> layout = new HashMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        layout.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return new HermesInstall(layout, apiPort);
  }

  private static void unavailable(String reason) {
    String why = "no real Hermes Agent install: " + reason;
    if ("1".equals(System.getenv("STEWARD_REQUIRE_HERMES"))) {
      throw new IllegalStateException(why + " (STEWARD_REQUIRE_HERMES=1 requires it)");
    }
    System.err.println("Hermes tier skipped: " + why);
    throw new TestAbortedException(why);
  }

  /**
   * Writes the target's steward.yaml for this install: what {@code steward init --hermes} is to
   * write, by hand until it exists. Every command runs with this {@code HERMES_HOME} (not {@code
   * ~/.hermes}); {@code then} reinstalls the checked-out code into its venv, followed by {@code
   * extraThen}.
   */
  void writeStewardConfig(Path config, Path snapshots, List<List<String>> extraThen)
      throws IOException {
    String env = "env, HERMES_HOME=" + home + ", " + hermes;
    List<List<String>> then = new ArrayList<>();
    then.add(List.of(code.resolve("venv/bin/pip").toString(), "install", "-q", "-e", "."));
    then.addAll(extraThen);
    String thenYaml =
        then.stream()
            .map(argv -> argv.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", ")))
            .collect(Collectors.joining("], [", "[[", "]]"));
    String yaml =
        "host: test-host\n"
            + "targets:\n"
            + "  hermes:\n"
            + "    checkout: "
            + code
            + "\n    state: "
            + home
            + "\n    service:\n"
            + "      manager: process\n"
            + "      start: ["
            + env
            + ", gateway, run, --replace]\n"
            + "      workdir: "
            + home
            + "\n    snapshot:\n"
            + "      dir: "
            + snapshots
            + "\n      export: ["
            + env
            + ", backup, -o, \"{file}\"]\n"
            + "      import: ["
            + env
            + ", import, --force, \"{file}\"]\n"
            + "    disk:\n      minFree: 1MiB\n"
            + "    update:\n"
            + "      git: {remote: origin, ref: main}\n"
            + "      then: "
            + thenYaml
            + "\n      timeout: 10m\n"
            + "    health:\n"
            + "      http: http://127.0.0.1:"
            + apiPort
            + "/health\n"
            // The gateway answers within seconds of its start, ~20 s on a loaded machine; a
            // release whose gateway exits (the rollback test's) fails at once, not at the timeout.
            + "      stableFor: 5s\n"
            + "      timeout: 75s\n";
    Files.writeString(config, yaml);
  }

  /** The first line of {@code hermes --version}, e.g. {@code Hermes Agent v0.18.1 (2026.7.7)}. */
  public String version() throws IOException, InterruptedException {
    return run(List.of(hermes.toString(), "--version")).lines().findFirst().orElse("");
  }

  /** The checkout's revision. */
  String revision() throws IOException, InterruptedException {
    return run(List.of("git", "-C", code.toString(), "rev-parse", "HEAD")).strip();
  }

  /**
   * The rows of state.db's sessions and messages, read by python3's sqlite3 (rows, not bytes:
   * {@code hermes backup} rewrites SQLite files).
   */
  String rows() throws IOException, InterruptedException {
    String dump =
        "import sqlite3, sys\n"
            + "db = sqlite3.connect(sys.argv[1])\n"
            + "q = ['SELECT id, source, model, message_count FROM sessions ORDER BY id',\n"
            + "     'SELECT session_id, role, content FROM messages ORDER BY id']\n"
            + "for sql in q:\n"
            + "    for row in db.execute(sql):\n"
            + "        print(row)\n";
    return run(List.of("python3", "-c", dump, home.resolve("state.db").toString()));
  }

  String configYaml() throws IOException {
    return Files.readString(home.resolve("config.yaml"));
  }

  /** The API server's {@code GET /health} body, or null when nothing answers 200. */
  String health() throws InterruptedException {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/health"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException down) {
      return null;
    }
  }

  private String run(List<String> argv) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
    builder.environment().put("HERMES_HOME", home.toString());
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
        || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", argv) + " failed: " + output);
    }
    return output;
  }
}
