package dev.steward.activities.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What Linux's {@code /proc/<pid>/stat} says about a process, beyond what ProcessHandle tells. */
public final class ProcFs {
  private ProcFs() {}

  /**
   * A process's state, session and start.
   *
   * @param state the state letter ({@code R}, {@code S}, {@code Z} for a zombie, …)
   * @param session the session id (equal to the pid for a session leader)
   * @param startTicks when it started, in clock ticks since boot
   */
  public record Stat(char state, long session, long startTicks) {
    boolean zombie() {
      return state == 'Z' || state == 'X';
    }
  }

  /** The process's stat, or empty when it no longer exists. */
  public static Optional<Stat> stat(long pid) {
    String line;
    try {
      line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (IOException gone) {
      return Optional.empty();
    }
    // The command name (field 2) is in parentheses and may itself hold spaces and parentheses;
    // after it, fields[0] is field 3 (state), fields[3] field 6 (session), fields[19] field 22.
    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
    if (fields.length < 20 || fields[0].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Stat(fields[0].charAt(0), Long.parseLong(fields[3]), Long.parseLong(fields[19])));
  }

  /** Whether the process exists and is not a zombie waiting to be reaped. */
  public static boolean alive(ProcessHandle process) {
    return process.isAlive() && stat(process.pid()).map(s -> !s.zombie()).orElse(false);
  }
}
