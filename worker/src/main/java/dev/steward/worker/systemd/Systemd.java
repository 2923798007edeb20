package dev.steward.worker.systemd;

import dev.steward.activities.process.CommandResult;
import dev.steward.activities.process.Commands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs this machine's systemd tools ({@code systemctl}, {@code loginctl}, {@code systemd-analyze})
 * as argv lists. For the user's manager, {@code XDG_RUNTIME_DIR} is set to {@code /run/user/<uid>}
 * when the environment lacks it (a {@code su} shell, a cron job), or {@code --user} finds no
 * manager.
 */
public final class Systemd {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final Path ROOT = Path.of("/");

  /** {@code systemctl [--user] ARGS}. */
  public CommandResult systemctl(UnitScope scope, String... args) {
    return run("systemctl", scope.flags(), args, scope);
  }

  /** {@code systemd-analyze [--user] ARGS}. */
  public CommandResult analyze(UnitScope scope, String... args) {
    return run("systemd-analyze", scope.flags(), args, scope);
  }

  /** {@code loginctl ARGS}. */
  public CommandResult loginctl(String... args) {
    return run("loginctl", List.of(), args, UnitScope.SYSTEM);
  }

  /** The command's output when it succeeded; else a {@link SystemdException} with its last line. */
  public String require(CommandResult result) {
    if (!result.succeeded()) {
      String reason = result.tail(1).strip();
      throw new SystemdException(result.describe() + (reason.isEmpty() ? "" : ": " + reason));
    }
    return result.output();
  }

  private static CommandResult run(
      String tool, List<String> flags, String[] args, UnitScope scope) {
    List<String> argv = new ArrayList<>();
    argv.add(tool);
    argv.addAll(flags);
    argv.addAll(List.of(args));
    return Commands.run(argv, ROOT, TIMEOUT, environment(scope));
  }

  private static Map<String, String> environment(UnitScope scope) {
    if (scope != UnitScope.USER || System.getenv("XDG_RUNTIME_DIR") != null) {
      return Map.of();
    }
    return Map.of("XDG_RUNTIME_DIR", "/run/user/" + Users.uid());
  }
}
