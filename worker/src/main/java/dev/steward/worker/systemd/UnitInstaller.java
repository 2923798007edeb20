package dev.steward.worker.systemd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs Steward's units into a unit folder and starts them, or removes them again. Each step is
 * reported as a line for people, in the order it was done.
 */
public final class UnitInstaller {
  private final Systemd systemd;
  private final UnitScope scope;
  private final Path unitDir;
  private final List<String> done = new ArrayList<>();

  /**
   * @param unitDir where the unit files go (the scope's usual folder, unless told otherwise)
   */
  public UnitInstaller(Systemd systemd, UnitScope scope, Path unitDir) {
    this.systemd = systemd;
    this.scope = scope;
    this.unitDir = unitDir;
  }

  /** Writes the units, reloads systemd, enables and starts them, and for a user, lingers. */
  public List<String> install(List<UnitFile> units) {
    write(units);
    run("daemon-reload");
    for (UnitFile unit : units) {
      run("enable", "--now", unit.name());
    }
    if (scope == UnitScope.USER) {
      // Without lingering, the user's manager and its units stop when the user logs out.
      systemd.require(systemd.loginctl("enable-linger", Users.name()));
      done.add("enabled lingering for " + Users.name() + " (loginctl enable-linger)");
    }
    return List.copyOf(done);
  }

  /** Stops, disables and deletes Steward's units that are installed; leaves lingering alone. */
  public List<String> uninstall() {
    List<String> names = new ArrayList<>();
    for (String name : List.of(StewardUnits.WORKER, StewardUnits.SERVER)) {
      if (Files.exists(unitDir.resolve(name))) {
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      done.add("nothing to remove: no Steward units in " + unitDir);
      return List.copyOf(done);
    }
    for (String name : names) {
      run("disable", "--now", name);
      delete(unitDir.resolve(name));
    }
    run("daemon-reload");
    if (scope == UnitScope.USER) {
      done.add(
          "left lingering on for "
              + Users.name()
              + " (other units may need it; loginctl disable-linger "
              + Users.name()
              + " turns it off)");
    }
    return List.copyOf(done);
  }

  private void write(List<UnitFile> units) {
    try {
      Files.createDirectories(unitDir);
      for (UnitFile unit : units) {
        Path file = unitDir.resolve(unit.name());
        Files.writeString(file, unit.text());
        done.add("wrote " + file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write units to " + unitDir + ": " + e.getMessage(), e);
    }
  }

  private void delete(Path file) {
    try {
      Files.deleteIfExists(file);
      done.add("removed " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file + ": " + e.getMessage(), e);
    }
  }

  private void run(String... args) {
    systemd.require(systemd.systemctl(scope, args));
    done.add(
        "systemctl "
            + String.join(" ", scope.flags())
            + (scope.flags().isEmpty() ? "" : " ")
            + String.join(" ", args));
  }
}
