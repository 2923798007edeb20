package dev.steward.activities.service;

import static dev.steward.activities.service.ServiceFailures.serviceFailed;

import dev.steward.activities.process.CommandResult;
import dev.steward.activities.process.Commands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A service run by systemd, as a system unit or in the user's manager ({@code --user}). Running
 * means {@code systemctl is-active} succeeds; the incarnation is the unit's main pid and invocation
 * id, so a restart by systemd itself ({@code Restart=}) shows as a change.
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
    CommandResult result = Commands.run(systemctl(verb, unit), ROOT, CONTROL_TIMEOUT);
    if (!result.succeeded()) {
      String reason = result.tail(1).strip();
      throw serviceFailed(
          result.describe() + (reason.isEmpty() ? "" : ": " + reason), evidence(20));
    }
  }

  @Override
  public ServiceStatus status() {
    CommandResult active = Commands.run(systemctl("is-active", unit), ROOT, QUERY_TIMEOUT);
    String state = active.output().strip();
    if (!active.succeeded()) {
      // "failed" and "inactive" stay so unless someone acts; "activating" may be Restart= at work.
      boolean gone = state.equals("failed") || state.equals("inactive");
      String detail = state.isEmpty() ? unit + " is not active" : unit + " is " + state;
      return ServiceStatus.down(active.exitCode() == 127 ? active.output().strip() : detail, gone);
    }
    Map<String, String> show =
        properties(
            Commands.run(
                systemctl("show", "-p", "MainPID", "-p", "InvocationID", unit),
                ROOT,
                QUERY_TIMEOUT));
    String pid = show.getOrDefault("MainPID", "?");
    String identity = "pid " + pid + ", invocation " + show.getOrDefault("InvocationID", "?");
    return ServiceStatus.running(identity, unit + " is active, main pid " + pid);
  }

  @Override
  public String evidence(int lines) {
    List<String> argv = new ArrayList<>(List.of("journalctl"));
    // "--user -u" shows nothing for root on systemd < 254; "--user-unit" works everywhere.
    argv.addAll(user ? List.of("--user-unit", unit) : List.of("-u", unit));
    argv.addAll(List.of("-n", Integer.toString(lines), "--no-pager"));
    CommandResult result = Commands.run(argv, ROOT, QUERY_TIMEOUT);
    return result.succeeded() ? result.output().strip() : result.describe() + ": " + result.tail(3);
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
