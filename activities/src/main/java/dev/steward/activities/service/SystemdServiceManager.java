package dev.steward.activities.service;

import static dev.steward.activities.service.ServiceFailures.serviceFailed;

import dev.steward.activities.process.CommandResult;
import dev.steward.activities.process.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A service run by systemd, as a system unit or in the user's manager ({@code --user}). Running
 * means {@code systemctl is-active} succeeds; the incarnation is the unit's main pid and invocation
 * id, so a restart by systemd itself ({@code Restart=}) shows as a change.
 *
 * <p>For {@code --user}, the worker runs as that user (under systemd with lingering, as {@code
 * steward install --user} sets it up). A service manager's environment may lack {@code
 * XDG_RUNTIME_DIR}, without which {@code systemctl --user} cannot find the user's manager; it is
 * then set to {@code /run/user/<uid>}, where logind puts it.
 */
public final class SystemdServiceManager implements ServiceManager {
  private static final Duration CONTROL_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(15);
  private static final Path ROOT = Path.of("/");

  private final String unit;
  private final boolean user;

  /**
   * @param unit the unit's name ({@code hermes-gateway.service})
   * @param user whether it runs in the user's manager rather than the system's
   */
  public SystemdServiceManager(String unit, boolean user) {
    this.unit = unit;
    this.user = user;
  }

  @Override
  public void start() {
    control("start");
  }

  @Override
  public void stop() {
    control("stop");
  }

  @Override
  public void restart() {
    control("restart");
  }

  private void control(String verb) {
    CommandResult result = run(systemctl(verb, unit), CONTROL_TIMEOUT);
    if (!result.succeeded()) {
      String reason = result.tail(1).strip();
      throw serviceFailed(
          result.describe() + (reason.isEmpty() ? "" : ": " + reason), evidence(20));
    }
  }

  @Override
  public ServiceStatus status() {
    CommandResult active = run(systemctl("is-active", unit), QUERY_TIMEOUT);
    String state = active.output().strip();
    if (!active.succeeded()) {
      // "failed" and "inactive" stay so unless someone acts; "activating" may be Restart= at work.
      boolean gone = state.equals("failed") || state.equals("inactive");
      String detail = state.isEmpty() ? unit + " is not active" : unit + " is " + state;
      return ServiceStatus.down(active.exitCode() == 127 ? active.output().strip() : detail, gone);
    }
    Map<String, String> show = show("MainPID", "InvocationID");
    String pid = show.getOrDefault("MainPID", "?");
    if (pid.equals("0")) {
      // It exited between the two queries (or has no main process): down, and the next look says
      // whether for good.
      return ServiceStatus.down(unit + " is active but has no main process", false);
    }
    String identity = "pid " + pid + ", invocation " + show.getOrDefault("InvocationID", "?");
    return ServiceStatus.running(identity, unit + " is active, main pid " + pid);
  }

  @Override
  public String evidence(int lines) {
    List<String> argv = new ArrayList<>(List.of("journalctl"));
    // "--user -u" shows nothing for root on systemd < 254; "--user-unit" works everywhere.
    argv.addAll(user ? List.of("--user-unit", unit) : List.of("-u", unit));
    argv.addAll(List.of("-n", Integer.toString(lines), "--no-pager"));
    CommandResult result = run(argv, QUERY_TIMEOUT);
    return result.succeeded() ? result.output().strip() : result.describe() + ": " + result.tail(3);
  }

  /**
   * The memory the unit's cgroup uses now ({@code MemoryCurrent}), or empty when systemd does not
   * account it (the unit is not running, or memory accounting is off).
   */
  public OptionalLong memoryBytes() {
    String current = show("MemoryCurrent").getOrDefault("MemoryCurrent", "");
    // systemd prints "[not set]" (or 2^64-1 on older versions) when it has no figure.
    if (!current.matches("[0-9]{1,18}")) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(current));
  }

  private Map<String, String> show(String... properties) {
    List<String> argv = systemctl("show");
    for (String property : properties) {
      argv.addAll(List.of("-p", property));
    }
    argv.add(unit);
    return properties(run(argv, QUERY_TIMEOUT));
  }

  private CommandResult run(List<String> argv, Duration timeout) {
    return Commands.run(argv, ROOT, timeout, environment());
  }

  private Map<String, String> environment() {
    if (!user || System.getenv("XDG_RUNTIME_DIR") != null) {
      return Map.of();
    }
    try {
      // /proc/self belongs to this process's effective user.
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Map.of("XDG_RUNTIME_DIR", "/run/user/" + uid);
    } catch (IOException | UnsupportedOperationException e) {
      return Map.of();
    }
  }

  private List<String> systemctl(String... args) {
    List<String> argv = new ArrayList<>(List.of("systemctl"));
    if (user) {
      argv.add("--user");
    }
    argv.addAll(List.of(args));
    return argv;
  }

  private static Map<String, String> properties(CommandResult show) {
    Map<String, String> properties = new TreeMap<>();
    for (String line : show.output().split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        properties.put(line.substring(0, equals), line.substring(equals + 1).strip());
      }
    }
    return properties;
  }
}
