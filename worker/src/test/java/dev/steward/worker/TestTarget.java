package dev.steward.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real target for tests: an upstream git repository whose releases are a small Python HTTP
 * service, a clone of it as the checkout, a state directory with data, and a steward.yaml. A
 * release is described by words in its {@code release.txt}: {@code healthy}, {@code never-healthy}
 * (answers 503), {@code exits-after-1s} (answers, then exits 0), and {@code migrate} (rewrites the
 * data when it starts). Any release refuses to start when the data's {@code schema.txt} says {@code
 * corrupt}: the "broken by bad data" case that only restoring the data fixes. A release with the
 * word {@code unhealthy-where-fragile} answers 503 on a target whose state holds a {@code fragile}
 * file: a release that is bad on some hosts of a fleet only.
 */
public final class TestTarget {
  public static final String NAME = "demo";

  private static final String SERVICE =
      """
      import http.server, os, pathlib, sys, threading
      port, state = int(sys.argv[1]), pathlib.Path(sys.argv[2])
      words = pathlib.Path('release.txt').read_text().split()
      if (state / 'schema.txt').read_text().strip() == 'corrupt':
          sys.exit('cannot start: schema.txt is corrupt')
      if 'migrate' in words:
          (state / 'schema.txt').write_text('2\\n')
          (state / 'new-index.db').write_bytes(b'\\x00\\x01 new index')
      class Health(http.server.BaseHTTPRequestHandler):
          def do_GET(self):
              fragile = 'unhealthy-where-fragile' in words and (state / 'fragile').exists()
              self.send_response(503 if 'never-healthy' in words or fragile else 200)
              self.end_headers()
              self.wfile.write(b'release ' + ' '.join(words).encode())
          def log_message(self, *args):
              pass
      server = http.server.HTTPServer(('127.0.0.1', port), Health)
      print('listening on', port, 'as', words, flush=True)
      if 'exits-after-1s' in words:
          threading.Timer(1.0, lambda: os._exit(0)).start()
      server.serve_forever()
      """;

  private final Path root;
  private final Path upstream;
  private final String host;
  private final int port = TestPorts.next();
  private String extraConfig = "";
  private String updateConfig = "      git: {remote: origin, ref: main}\n";
  private String minFree = "1MiB";
  private String keep = "3";
  private String snapshotExtra = "";
  private String healthExtra = "";
  private String serviceConfig;

  private TestTarget(Path root, Path upstream, String host) {
    this.root = root;
    this.upstream = upstream;
    this.host = host;
    serviceConfig =
        "      manager: process\n      start: [python3, service.py, \""
            + port
            + "\", "
            + state()
            + "]\n";
  }

  /** Creates the target with release {@code healthy} published and checked out. */
  public static TestTarget create(Path root) throws IOException {
    return createOnHost(root, "test-host");
  }

  /** As {@link #create}, its steward.yaml naming {@code host}. */
  public static TestTarget createOnHost(Path root, String host) throws IOException {
    TestTarget target = new TestTarget(root, root.resolve("upstream"), host);
    Files.createDirectories(target.upstream());
    git(root, "init", "-q", "-b", "main", target.upstream().toString());
    Files.writeString(target.upstream().resolve("service.py"), SERVICE);
    target.publish("healthy");
    return target.cloneAndConfigure();
  }

  /**
   * Another host's copy of {@code first}'s target, for fleet tests: its own checkout, state,
   * service port and steward.yaml (naming {@code host}), cloned from the same upstream, so that
   * {@link #publish} on any of them publishes for all.
   */
  public static TestTarget onHost(Path root, TestTarget first, String host) throws IOException {
    return new TestTarget(root, first.upstream(), host).cloneAndConfigure();
  }

  private TestTarget cloneAndConfigure() throws IOException {
    Files.createDirectories(state().resolve("sessions"));
    Files.writeString(state().resolve("schema.txt"), "1\n");
    Files.writeString(state().resolve("sessions/one.json"), "{\"id\": 1}\n");
    Files.write(state().resolve("state.db"), new byte[] {0, 1, 2, 3, (byte) 0xff});
    git(root, "clone", "-q", upstream().toString(), checkout().toString());
    return writeConfig();
  }

  /** Commits a new release upstream and returns its revision. */
  public String publish(String release) throws IOException {
    Files.writeString(upstream().resolve("release.txt"), release + "\n");
    git(upstream(), "add", "-A");
    git(upstream(), "commit", "-q", "-m", "release " + release);
    return git(upstream(), "rev-parse", "HEAD").strip();
  }

  /**
   * Commits {@code release} in the checkout itself, behind Steward's back (a hand edit, a stray
   * {@code git pull}), and returns its revision.
   */
  public String commitInCheckout(String release) throws IOException {
    Files.writeString(checkout().resolve("release.txt"), release + "\n");
    git(checkout(), "commit", "-q", "-am", "local release " + release);
    return revision();
  }

  /** Replaces the git update with a command (argv as YAML flow list), e.g. a script's path. */
  public TestTarget updateCommand(String argvYaml) throws IOException {
    updateConfig = "      command: " + argvYaml + "\n";
    return writeConfig();
  }

  /** Adds YAML lines (indented four spaces, under the target) to the config. */
  public TestTarget withConfig(String yamlLines) throws IOException {
    extraConfig += yamlLines;
    return writeConfig();
  }

  public TestTarget minFree(String size) throws IOException {
    minFree = size;
    return writeConfig();
  }

  /**
   * Makes and restores snapshots with commands (argv as YAML flow lists) instead of the archive.
   */
  public TestTarget snapshotCommands(String exportArgv, String importArgv) throws IOException {
    snapshotExtra = "      export: " + exportArgv + "\n      import: " + importArgv + "\n";
    return writeConfig();
  }

  /** Adds a health command (argv as a YAML flow list) beside the HTTP probe. */
  public TestTarget healthCommand(String argv) throws IOException {
    healthExtra = "      command: " + argv + "\n";
    return writeConfig();
  }

  /** Runs the service as a unit of the user's systemd manager instead of a process. */
  public TestTarget systemdUser(String unit) throws IOException {
    serviceConfig = "      manager: systemd-user\n      unit: " + unit + "\n";
    return writeConfig();
  }

  /** Runs the service as a unit of the system's systemd manager instead of a process. */
  public TestTarget systemdSystem(String unit) throws IOException {
    serviceConfig = "      manager: systemd\n      unit: " + unit + "\n";
    return writeConfig();
  }

  /** A unit file running the checked-out release, with extra {@code [Service]} lines. */
  public String unitFile(String serviceLines) {
    return "[Unit]\nDescription=Steward test target\n\n[Service]\nWorkingDirectory="
        + checkout()
        + "\nExecStart=/usr/bin/python3 service.py "
        + port
        + " "
        + state()
        + "\n"
        + serviceLines
        + "\n";
  }

  public TestTarget keep(int snapshots) throws IOException {
    keep = Integer.toString(snapshots);
    return writeConfig();
  }

  /** Writes an executable shell script under the test root and returns its path. */
  public Path script(String name, String body) throws IOException {
    Path script = root.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  public String revision() throws IOException {
    return git(checkout(), "rev-parse", "HEAD").strip();
  }

  /**
   * A digest of every file under the state directory except Steward's own (its {@code .steward}
   * folder and the status file), by relative path and bytes.
   */
  public String stateDigest() throws IOException {
    MessageDigest digest = sha256();
    try (Stream<Path> files = Files.walk(state())) {
      for (Path file : files.sorted().toList()) {
        String relative = state().relativize(file).toString();
        if (relative.startsWith(".steward") || relative.equals(".auto-update-status.json")) {
          continue;
        }
        digest.update(relative.getBytes(StandardCharsets.UTF_8));
        if (Files.isRegularFile(file)) {
          digest.update(Files.readAllBytes(file));
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The bytes of {@code name} in a built-in snapshot archive. */
  public static byte[] archiveEntry(Path archive, String name) throws IOException {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      ZipEntry entry = zip.getEntry(name);
      if (entry == null) {
        throw new AssertionError(name + " is not in " + archive);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return in.readAllBytes();
      }
    }
  }

  /** Snapshot files (not their manifests) in the snapshot directory. */
  public List<Path> snapshots() throws IOException {
    if (!Files.isDirectory(snapshotDir())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(snapshotDir())) {
      return files.filter(f -> !f.toString().endsWith(".json")).sorted().toList();
    }
  }

  public Path statusFile() {
    return state().resolve(".auto-update-status.json");
  }

  public Path root() {
    return root;
  }

  public Path config() {
    return root.resolve("steward.yaml");
  }

  public Path state() {
    return root.resolve("data");
  }

  public Path checkout() {
    return root.resolve("app");
  }

  public Path snapshotDir() {
    return root.resolve("backups");
  }

  public Path upstream() {
    return upstream;
  }

  /** Updates by git from {@code ref} of origin instead of main. */
  public TestTarget gitRef(String ref) throws IOException {
    updateConfig = "      git: {remote: origin, ref: " + ref + "}\n";
    return writeConfig();
  }

  /** Commits a release on upstream branch {@code branch} (made from main), not on main. */
  public String publishOn(String branch, String release) throws IOException {
    git(upstream(), "checkout", "-q", "-B", branch);
    String revision = publish(release);
    git(upstream(), "checkout", "-q", "main");
    return revision;
  }

  /** Creates branch {@code name} upstream at the newest release. */
  public void branchUpstream(String name) throws IOException {
    git(upstream(), "branch", name);
  }

  public int port() {
    return port;
  }

  private TestTarget writeConfig() throws IOException {
    String yaml =
        "host: "
            + host
            + "\n"
            + "targets:\n"
            + "  demo:\n"
            + "    checkout: "
            + checkout()
            + "\n    state: "
            + state()
            + "\n    service:\n"
            + serviceConfig
            + "    snapshot:\n      dir: "
            + snapshotDir()
            + "\n      keep: "
            + keep
            + "\n"
            + snapshotExtra
            + "    disk:\n      minFree: "
            + minFree
            + "\n    update:\n"
            + updateConfig
            + "      timeout: 30s\n"
            + "    health:\n"
            + "      http: http://127.0.0.1:"
            + port
            + "/health\n"
            + "      stableFor: 2s\n"
            + "      timeout: 10s\n"
            + healthExtra
            + extraConfig;
    Files.writeString(config(), yaml);
    return this;
  }

  /** Runs git in {@code dir} as a test committer, asserts it exits 0, and returns its output. */
  public static String git(Path dir, String... args) throws IOException {
    List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c"));
    argv.addAll(List.of("user.email=test@steward.invalid", "-C", dir.toString()));
    argv.addAll(List.of(args));
    Process git = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      assertEquals(0, git.waitFor(), () -> String.join(" ", argv) + ": " + output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return output;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
