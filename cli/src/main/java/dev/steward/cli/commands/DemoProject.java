package dev.steward.cli.commands;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's world: an upstream git repository publishing versions of a single-file Java HTTP
 * service, the service's checkout and data directory, and a steward.yaml for it.
 */
final class DemoProject {
  static final String TARGET = "demo";
  static final String GREETING = "hello from the Steward demo\n";

  private final Path root;
  private final int port;

  private DemoProject(Path root, int port) {
    this.root = root;
    this.port = port;
  }

  /** Creates the demo under {@code root} (which must be empty or absent) with v1 published. */
  static DemoProject create(Path root) throws IOException, InterruptedException {
    DemoProject demo = new DemoProject(root.toAbsolutePath(), freePort());
    Files.createDirectories(demo.upstream());
    Files.createDirectories(demo.state());
    Files.writeString(demo.state().resolve("greeting.txt"), GREETING);
    demo.git(demo.upstream(), "init", "-q", "-b", "main");
    demo.publish(1);
    demo.git(root, "clone", "-q", demo.upstream().toString(), demo.checkout().toString());
    Files.writeString(demo.config(), demo.configYaml());
    return demo;
  }

  /** Commits version {@code n} of the service upstream; v3 is the bad release. */
  void publish(int version) throws IOException, InterruptedException {
    boolean bad = version == 3;
    String source =
        template()
            .replace("__VERSION__", "v" + version)
            .replace("__MIGRATES__", Boolean.toString(bad))
            .replace("__EXITS_AFTER__", bad ? "2000" : "0");
    Files.writeString(upstream().resolve("Server.java"), source);
    git(upstream(), "add", "Server.java");
    git(upstream(), "commit", "-q", "-m", "demo service v" + version);
  }

  /** The revision upstream's main is at. */
  String upstreamRevision() throws IOException, InterruptedException {
    return git(upstream(), "rev-parse", "HEAD").strip();
  }

  /** The revision the service's checkout is at. */
  String checkoutRevision() throws IOException, InterruptedException {
    return git(checkout(), "rev-parse", "HEAD").strip();
  }

  Path root() {
    return root;
  }

  Path config() {
    return root.resolve("steward.yaml");
  }

  Path state() {
    return root.resolve("data");
  }

  Path checkout() {
    return root.resolve("app");
  }

  int port() {
    return port;
  }

  private Path upstream() {
    return root.resolve("upstream");
  }

  private String configYaml() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return String.join(
        "\n",
        "# Written by `steward demo`: one target, a single-file Java service on loopback.",
        "targets:",
        "  demo:",
        "    checkout: " + checkout(),
        "    state: " + state(),
        "    service:",
        "      manager: process",
        "      start: ["
            + java
            + ", Server.java, --port, \""
            + port
            + "\", --data, "
            + state()
            + "]",
        "    snapshot:",
        "      dir: " + root.resolve("backups"),
        "      keep: 3",
        "    disk:",
        "      minFree: 10MiB",
        "    update:",
        "      git: {remote: origin, ref: main}",
        "      timeout: 2m",
        "    health:",
        "      http: http://127.0.0.1:" + port + "/health",
        "      stableFor: 4s",
        "      timeout: 60s",
        "");
  }

  private static String template() throws IOException {
    try (InputStream in = DemoProject.class.getResourceAsStream("/demo/Server.java.template")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=Steward demo"));
    argv.addAll(List.of("-c", "user.email=demo@steward.invalid", "-C", dir.toString()));
    argv.addAll(List.of(args));
    Process git = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (git.waitFor() != 0) {
      throw new IOException(String.join(" ", argv) + " failed: " + output.strip());
    }
    return output;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
