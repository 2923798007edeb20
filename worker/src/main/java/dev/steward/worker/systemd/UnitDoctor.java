package dev.steward.worker.systemd;

import dev.steward.activities.process.CommandResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks a service's unit for what the field guide learnt the hard way: settings that leave a
 * service down (a restart policy that ignores exit 0, a start-rate limit that gives up, lingering
 * off for a user unit), restarts without a pause, too little time to stop cleanly, and lines
 * systemd ignores (an unknown key, or a key in the wrong section), which {@code systemd-analyze
 * verify} reports only as warnings.
 */
public final class UnitDoctor {
  /** Less time than this to stop is too little for a clean drain. */
  static final long MIN_STOP_MILLIS = 30_000;

  /** Keys that only work in [Unit]; in [Service] systemd ignores them. */
  private static final List<String> UNIT_SECTION_KEYS =
      List.of("StartLimitIntervalSec", "StartLimitBurst", "StartLimitAction");

  private static final List<String> PROPERTIES =
      List.of(
          "LoadState",
          "Restart",
          "RestartUSec",
          "StartLimitIntervalUSec",
          "StartLimitBurst",
          "TimeoutStopUSec");

  private final Systemd systemd;
  private final SystemdVersion version;

  public UnitDoctor(Systemd systemd, SystemdVersion version) {
    this.systemd = systemd;
    this.version = version;
  }

  /** The findings for {@code unit} in {@code scope}'s manager; empty when it is sound. */
  public List<Finding> check(String unit, UnitScope scope) {
    Optional<Finding> lingering = scope == UnitScope.USER ? lingering(unit) : Optional.empty();
    CommandResult shown = systemd.systemctl(scope, showArgs(unit));
    if (!shown.succeeded() && lingering.isPresent()) {
      // Without lingering and without a login, the user's manager is not running at all.
      return List.of(lingering.get());
    }
    Map<String, String> show = properties(systemd.require(shown));
    Optional<Finding> unloaded = unloaded(unit, scope, show);
    if (unloaded.isPresent()) {
      return List.of(unloaded.get());
    }
    List<Finding> findings = new ArrayList<>(UnitSettings.check(unit, show));
    lingering.ifPresent(findings::add);
    findings.addAll(ignoredLines(unit, scope));
    return findings;
  }

  /** The unit's effective settings that the checks read ({@code systemctl show}). */
  Map<String, String> show(String unit, UnitScope scope) {
    return properties(systemd.require(systemd.systemctl(scope, showArgs(unit))));
  }

  /** A finding when the unit is not loaded in {@code scope}'s manager. */
  static Optional<Finding> unloaded(String unit, UnitScope scope, Map<String, String> show) {
    if ("loaded".equals(show.get("LoadState"))) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            unit + " is " + show.getOrDefault("LoadState", "unknown") + " in the " + manager(scope),
            "install the unit, or fix service.unit in steward.yaml"));
  }

  private static String[] showArgs(String unit) {
    List<String> args = new ArrayList<>(List.of("show"));
    PROPERTIES.forEach(p -> args.addAll(List.of("-p", p)));
    args.add(unit);
    return args.toArray(String[]::new);
  }

  private static Map<String, String> properties(String output) {
    Map<String, String> properties = new TreeMap<>();
    for (String line : output.split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        properties.put(line.substring(0, equals), line.substring(equals + 1).strip());
      }
    }
    return properties;
  }

  /** A finding when the user does not linger (a user unit then stops at logout). */
  Optional<Finding> lingering(String unit) {
    String user = Users.name();
    CommandResult linger = systemd.loginctl("show-user", user, "-p", "Linger", "--value");
    // loginctl fails for a user who is neither logged in nor lingering.
    if (linger.succeeded() && linger.output().strip().equals("yes")) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            "lingering is off for "
                + user
                + ": "
                + unit
                + " stops when "
                + user
                + " logs out and does not start at boot",
            "run loginctl enable-linger " + user));
  }

  /** Lines systemd ignores, from {@code systemd-analyze verify} (the unit and its drop-ins). */
  List<Finding> ignoredLines(String unit, UnitScope scope) {
    CommandResult verify = systemd.analyze(scope, "verify", unit);
    List<Finding> findings = new ArrayList<>();
    for (String line : verify.output().split("\n")) {
      if (!line.isBlank()) {
        findings.add(new Finding(line.strip(), fixFor(line)));
      }
    }
    return findings;
  }

  private String fixFor(String warning) {
    for (String key : UNIT_SECTION_KEYS) {
      if (warning.contains("'" + key + "' in section [Service]")) {
        return "move " + key + "= to [Unit]";
      }
    }
    for (String key : List.of("RestartSteps", "RestartMaxDelaySec")) {
      if (warning.contains("Unknown key '" + key + "'") && !version.hasRestartBackoff()) {
        return "remove it: "
            + key
            + "= needs systemd "
            + SystemdVersion.RESTART_BACKOFF
            + " and this is "
            + version.major()
            + " (RestartSec= alone sets the pause)";
      }
    }
    return "correct or remove that line: systemd does not apply it";
  }

  private static String manager(UnitScope scope) {
    return scope == UnitScope.USER ? "user's systemd manager" : "system's systemd manager";
  }
}
