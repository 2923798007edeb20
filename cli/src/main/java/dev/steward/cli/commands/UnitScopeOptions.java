package dev.steward.cli.commands;

import dev.steward.cli.UsageException;
import dev.steward.worker.systemd.UnitScope;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --user | --system} and where the unit files go. */
final class UnitScopeOptions {
  @Option(
      names = "--user",
      description = "The user's systemd manager, with lingering (the default).")
  boolean user;

  @Option(names = "--system", description = "The system's manager (/etc/systemd/system).")
  boolean system;

  @Option(
      names = "--unit-dir",
      paramLabel = "DIR",
      description =
          "Where the unit files go (default: ~/.config/systemd/user or /etc/systemd/system).")
  Path unitDir;

  UnitScope scope() {
    if (user && system) {
      throw new UsageException("--user and --system exclude each other: choose one");
    }
    return system ? UnitScope.SYSTEM : UnitScope.USER;
  }

  Path unitDir() {
    return unitDir != null ? unitDir.toAbsolutePath() : scope().defaultUnitDir(System.getenv());
  }
}
