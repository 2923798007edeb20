package dev.steward.worker.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A host laid out in a temporary directory: a real git work tree {@code app}, a state directory
 * {@code data}, and a steward.yaml beside them.
 */
public final class ConfigFixture {
  /** The smallest valid config; its lines are numbered for tests that point at one. */
  public static final String MINIMAL =
      """
      targets:
        demo:
          checkout: app
          state: data
          service:
            manager: process
            start: [java, Server.java]
          snapshot:
            dir: backups
          update:
            git: {remote: origin, ref: main}
          health:
            http: http://127.0.0.1:8765/health
      """;

  public final Path root;
  public final Path checkout;
  public final Path state;
  public Map<String, String> env = Map.of();

  public ConfigFixture(Path root) throws IOException, InterruptedException {
    this.root = root.toRealPath();
    this.checkout = Files.createDirectory(this.root.resolve("app"));
    this.state = Files.createDirectory(this.root.resolve("data"));
    Process git = new ProcessBuilder("git", "init", "-q", checkout.toString()).inheritIO().start();
    if (git.waitFor() != 0) {
      throw new IllegalStateException("git init failed");
    }
  }

  public Path write(String yaml) throws IOException {
    return Files.writeString(root.resolve("steward.yaml"), yaml);
  }

  public StewardConfig load(String yaml) throws IOException {
    return loader().load(write(yaml));
  }

  public ConfigLoader loader() {
    return new ConfigLoader(env, () -> "test-host");
  }

  /**
   * The message a config fails with. It must name the file as it was given; the test's temporary
   * directory is cut off the front so tests read {@code steward.yaml:9: ...}.
   */
  String error(String yaml) throws IOException {
    Path file = write(yaml);
    String message = assertThrows(ConfigException.class, () -> loader().load(file)).getMessage();
    String prefix = root + "/";
    assertTrue(message.startsWith(prefix), () -> "message does not name the file: " + message);
    return message.substring(prefix.length());
  }

  /** {@link #MINIMAL} with {@code line} replaced by {@code replacement} (which may be several). */
  static String minimalWith(String line, String replacement) {
    if (!MINIMAL.contains(line)) {
      throw new IllegalArgumentException("no line " + line);
    }
    return MINIMAL.replace(line, replacement);
  }
}
