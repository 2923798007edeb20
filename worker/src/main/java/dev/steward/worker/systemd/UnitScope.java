package dev.steward.worker.systemd;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Which systemd manager a unit belongs to: the system's, or the user's ({@code --user}). */
public enum UnitScope {
  SYSTEM,
  USER;

  /** Where an administrator's units of this scope live. */
  public Path defaultUnitDir(Map<String, String> env) {
    if (this == SYSTEM) {
      return Path.of("/etc/systemd/system");
    }
    String config = env.get("XDG_CONFIG_HOME");
    Path base =
        config != null && !config.isBlank()
            ? Path.of(config)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("systemd/user");
  }

  /** The target a unit of this scope is wanted by, so it starts at boot. */
  public String bootTarget() {
    return this == SYSTEM ? "multi-user.target" : "default.target";
  }

  /** The flags that select this scope's manager ({@code --user}, or none). */
  public List<String> flags() {
    return this == USER ? List.of("--user") : List.of();
  }
}
