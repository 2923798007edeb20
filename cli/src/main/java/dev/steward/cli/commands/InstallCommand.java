package dev.steward.cli.commands;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Launcher;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.systemd.InstallPlan;
import dev.steward.worker.systemd.ServerPlan;
import dev.steward.worker.systemd.StewardUnits;
import dev.steward.worker.systemd.Systemd;
import dev.steward.worker.systemd.SystemdVersion;
import dev.steward.worker.systemd.UnitFile;
import dev.steward.worker.systemd.UnitInstaller;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code steward install}: runs the worker (and optionally a Temporal server) under systemd. */
@Command(
    name = "install",
    description = {
      "Install and start the worker as a systemd unit (" + StewardUnits.WORKER + "),",
      "and with --with-server the Temporal server it uses on this host.",
      "Restart=always, RestartSec=60, no start-rate limit; user units linger.",
      "Units are written for this machine's systemd (see the comment at their top)."
    })
public final class InstallCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Mixin UnitScopeOptions scope;

  @Option(names = "--dry-run", description = "Print the unit files instead of installing them.")
  boolean dryRun;

  @ArgGroup(exclusive = false)
  ServerOptions server;

  static final class ServerOptions {
    @Option(
        names = "--with-server",
        required = true,
        description = {
          "Also install " + StewardUnits.SERVER + ": temporal server start-dev on 127.0.0.1,",
          "on temporal.address's port, SQLite, Steward's search attributes."
        })
    boolean withServer;

    @Option(
        names = "--db-filename",
        required = true,
        paramLabel = "FILE",
        description = "The server's SQLite database (kept across restarts; its folder is made).")
    Path dbFile;

    @Option(
        names = "--temporal-binary",
        paramLabel = "PATH",
        description = "Temporal's CLI (default: `temporal` on PATH).")
    Path binary;

    @Option(
        names = "--ui-port",
        paramLabel = "PORT",
        description = "The web UI's port on 127.0.0.1 (default: the server's port + 1000).")
    Integer uiPort;
  }

  @Override
  public Integer call() {
    StewardConfig config = steward.loadConfig();
    if (config.temporal().embedded()) {
      throw new UsageException(
          "the worker needs a Temporal server: set temporal.address in "
              + config.source()
              + (server == null ? "" : " (127.0.0.1:7233 for the --with-server server)"));
    }
    // Checked before systemd is asked anything: a wrong option is told at once.
    ServerPlan serverPlan = server == null ? null : serverPlan(config);
    Systemd systemd = new Systemd();
    SystemdVersion version = SystemdVersion.detect(systemd);
    InstallPlan plan = plan(config, version, serverPlan);
    List<UnitFile> units = StewardUnits.generate(plan);
    PrintWriter out = steward.out();
    Path unitDir = scope.unitDir();
    if (dryRun) {
      for (UnitFile unit : units) {
        out.println("# " + unitDir.resolve(unit.name()));
        out.println(unit.text());
      }
    } else {
      if (plan.withServer()) {
        makeFolder(plan.server().dbFile().getParent());
      }
      new UnitInstaller(systemd, scope.scope(), unitDir).install(units).forEach(out::println);
    }
    StewardUnits.adaptations(version).forEach(line -> out.println("note: " + line));
    out.flush();
    return ExitCodes.OK;
  }

  private InstallPlan plan(StewardConfig config, SystemdVersion version, ServerPlan serverPlan) {
    String address = System.getenv("TEMPORAL_ADDRESS");
    Map<String, String> environment =
        address == null ? Map.of() : Map.of("TEMPORAL_ADDRESS", address);
    return new InstallPlan(
        scope.scope(),
        version,
        Launcher.command(),
        config.source().toAbsolutePath(),
        environment,
        serverPlan);
  }

  private ServerPlan serverPlan(StewardConfig config) {
    int port = loopbackPort(config);
    int uiPort = server.uiPort != null ? server.uiPort : port + 1000;
    if (uiPort < 1 || uiPort > 65535 || uiPort == port) {
      throw new UsageException(
          "--ui-port " + uiPort + ": give a port from 1 to 65535 other than the server's " + port);
    }
    return new ServerPlan(
        binary(),
        server.dbFile.toAbsolutePath().normalize(),
        port,
        uiPort,
        config.temporal().namespace());
  }

  /** start-dev refuses a database whose folder does not exist. */
  private static void makeFolder(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot make the database's folder " + dir + ": " + e.getClass().getSimpleName(), e);
    }
  }

  /** The port of {@code temporal.address}, which must name this host's loopback. */
  private static int loopbackPort(StewardConfig config) {
    String address = config.temporal().address();
    int colon = address.lastIndexOf(':');
    String host = colon < 0 ? address : address.substring(0, colon);
    if (colon > 0 && (host.equals(ServerPlan.IP) || host.equals("localhost"))) {
      try {
        return Integer.parseInt(address.substring(colon + 1));
      } catch (NumberFormatException e) {
        // Reported below.
      }
    }
    throw new UsageException(
        "--with-server runs the server on "
            + ServerPlan.IP
            + " only: set temporal.address to "
            + ServerPlan.IP
            + ":PORT in "
            + config.source()
            + " (it is "
            + address
            + ")");
  }

  /** The binary as an absolute path; a unit has no PATH of the user's to find it in. */
  private Path binary() {
    if (server.binary != null) {
      Path binary = server.binary.toAbsolutePath().normalize();
      if (!Files.isRegularFile(binary) || !Files.isExecutable(binary)) {
        throw new UsageException("--temporal-binary " + binary + ": no executable file there");
      }
      return binary;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "temporal");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new UsageException(
        "--with-server needs Temporal's CLI: no `temporal` on PATH (install it, see the README's"
            + " Production section, or pass --temporal-binary PATH)");
  }
}
