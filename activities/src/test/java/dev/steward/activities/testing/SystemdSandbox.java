package dev.steward.activities.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * A real systemd for a test class: boots the sandbox of {@code scripts/systemd-sandbox} (the host's
 * own systemd as PID 1 of new namespaces, root's user manager included) before the class's tests
 * and tears it down after them. Register it as {@code @RegisterExtension static final
 * SystemdSandbox systemd = new SystemdSandbox();}.
 *
 * <p>Code under test runs plain {@code systemctl}, {@code journalctl}, {@code loginctl}: surefire
 * puts the recipe's {@code dispatch/} folder first on the test JVM's PATH, and the sandbox is
 * started with {@code --owner <this JVM>}, so the shims route this JVM's calls to it (and it is
 * torn down if the JVM dies without {@code afterAll}). The {@link #root()} folder is bound at the
 * same path in the guest, {@link #systemUnits()} onto {@code /etc/systemd/system} and {@link
 * #userUnits()} onto root's {@code ~/.config/systemd/user}.
 *
 * <p>Where the sandbox cannot start (not root, no CAP_SYS_ADMIN, no systemd) the class's tests are
 * skipped with the reason; with {@code STEWARD_REQUIRE_SYSTEMD=1} (CI) that is a failure instead.
 */
public final class SystemdSandbox implements BeforeAllCallback, AfterAllCallback {
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

  private Path root;
  private Path state;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Path recipe = recipe();
    Optional<String> missing = SandboxPreconditions.missing(recipe);
    if (missing.isPresent()) {
      String reason = "no systemd sandbox: " + missing.get();
      if ("1".equals(System.getenv("STEWARD_REQUIRE_SYSTEMD"))) {
        throw new IllegalStateException(reason + " (STEWARD_REQUIRE_SYSTEMD=1 requires it)");
      }
      // Surefire counts a class aborted in beforeAll as no tests at all: say why in the log.
      System.err.println(context.getDisplayName() + " skipped: " + reason);
      throw new TestAbortedException(reason);
    }
    root = Files.createTempDirectory("steward-systemd-").toRealPath();
    state = root.resolve(".sandbox");
    Files.createDirectories(systemUnits());
    Files.createDirectories(userUnits());
    Result up =
        exec(
            recipe.resolve("up").toString(),
            state.toString(),
            "--bind",
            root.toString(),
            "--bind",
            systemUnits() + ":/etc/systemd/system",
            "--bind",
            userUnits() + ":/root/.config/systemd/user",
            "--owner",
            Long.toString(ProcessHandle.current().pid()));
    if (up.exitCode() != 0) {
      throw new IllegalStateException(
          "the systemd sandbox did not boot (see " + state.resolve("boot.log") + "): " + up.tail());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (state == null) {
      return;
    }
    exec(recipe().resolve("down").toString(), state.toString(), "--purge");
    deleteTree(root);
  }

  /** A folder the guest sees at the same path: put the test's files here. */
  public Path root() {
    return root;
  }

  /** A new folder under {@link #root()}. */
  public Path newDir(String name) throws IOException {
    return Files.createDirectories(Files.createTempDirectory(root, name));
  }

  /** The guest's {@code /etc/systemd/system}. */
  public Path systemUnits() {
    return root.resolve("system-units");
  }

  /** The guest's {@code /root/.config/systemd/user}. */
  public Path userUnits() {
    return root.resolve("user-units");
  }

  /** Writes a unit file into the system ({@code user=false}) or user unit folder. */
  public Path writeUnit(boolean user, String name, String text) throws IOException {
    return Files.writeString((user ? userUnits() : systemUnits()).resolve(name), text);
  }

  /** Runs {@code systemctl [--user] ARGS} in the guest. */
  public Result systemctl(boolean user, String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("systemctl"));
    if (user) {
      argv.add("--user");
    }
    argv.addAll(List.of(args));
    return exec(argv.toArray(String[]::new));
  }

  /** Runs a command (bare names resolve through the JVM's PATH, so to the guest's tools). */
  public static Result exec(String... argv) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", argv) + " did not finish");
    }
    return new Result(
        List.of(argv), process.exitValue(), new String(output, StandardCharsets.UTF_8).strip());
  }

  static Path recipe() {
    String configured = System.getProperty("steward.systemd.sandbox");
    return (configured != null ? Path.of(configured) : Path.of("../scripts/systemd-sandbox"))
        .toAbsolutePath()
        .normalize();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** How a command ended: its exit code and its output (stdout and stderr). */
  public record Result(List<String> argv, int exitCode, String output) {
    /** The last lines of the output, for a message. */
    public String tail() {
      String[] lines = output.split("\n");
      return String.join(
          " | ", List.of(lines).subList(Math.max(0, lines.length - 5), lines.length));
    }

    /** Fails unless the command exited 0; returns the output. */
    public String orFail() {
      if (exitCode != 0) {
        throw new AssertionError(String.join(" ", argv) + " exited " + exitCode + ": " + output);
      }
      return output;
    }
  }
}
