package dev.steward.cli;

import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.systemd.InstallPlan;
import dev.steward.worker.systemd.StewardUnits;
import dev.steward.worker.systemd.Systemd;
import dev.steward.worker.systemd.SystemdVersion;
import dev.steward.worker.systemd.UnitFile;
import dev.steward.worker.systemd.UnitInstaller;
import java.io.PrintWriter;
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
      "Install and start the worker as a systemd unit (" + StewardUnits.WORKER + ").",
      "Restart=always, RestartSec=60, no start-rate limit; user units linger.",
      "Units are written for this machine's systemd (see the comment at their top)."
    })
final class InstallCommand implements Callable<Integer> {
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
        description = "Also install " + StewardUnits.SERVER + ": temporal server start-dev.")
    boolean withServer;

    @Option(
        names = "--db-filename",
        required = true,
        paramLabel = "FILE",
        description = "The dev server's database file (kept across restarts).")
    Path dbFile;

    @Option(
        names = "--temporal",
        paramLabel = "PATH",
        description = "The temporal CLI (default: `temporal` on PATH).")
    Path temporalCli;
  }

  @Override
  public Integer call() {
    StewardConfig config = steward.loadConfig();
    if (config.temporal().embedded()) {
      throw new UsageException(
          "the worker needs a Temporal server: set temporal.address in "
              + config.source()
              + (server == null ? "" : " (127.0.0.1:7233 for the --with-server dev server)"));
    }
    Systemd systemd = new Systemd();
    SystemdVersion version = SystemdVersion.detect(systemd);
    List<UnitFile> units = StewardUnits.generate(plan(config, version));
    PrintWriter out = steward.out();
    Path unitDir = scope.unitDir();
    if (dryRun) {
      for (UnitFile unit : units) {
        out.println("# " + unitDir.resolve(unit.name()));
        out.println(unit.text());
      }
    } else {
      new UnitInstaller(systemd, scope.scope(), unitDir).install(units).forEach(out::println);
    }
    StewardUnits.adaptations(version).forEach(line -> out.println("note: " + line));
    out.flush();
    return ExitCodes.OK;
  }

  private InstallPlan plan(StewardConfig config, SystemdVersion version) {
    String address = System.getenv("TEMPORAL_ADDRESS");
    Map<String, String> environment =
        address == null ? Map.of() : Map.of("TEMPORAL_ADDRESS", address);
    return new InstallPlan(
        scope.scope(),
        version,
        Launcher.command(),
        config.source().toAbsolutePath(),
        environment,
        server == null ? null : temporalCli(),
        server == null ? null : server.dbFile.toAbsolutePath());
  }

  private Path temporalCli() {
    if (server.temporalCli != null) {
      return server.temporalCli.toAbsolutePath();
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "temporal");
      if (Files.isExecutable(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    throw new UsageException(
        "--with-server needs the temporal CLI: none on PATH (install it, or pass --temporal PATH)");
  }
}
