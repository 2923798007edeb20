package dev.steward.activities.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What Linux's {@code /proc/<pid>/stat} says about a process, beyond what ProcessHandle tells. */
final class ProcFs {
  private ProcFs() {}

  /**
   * A process's state and session.
   *
   * @param state the state letter ({@code R}, {@code S}, {@code Z} for a zombie, …)
   * @param session the session id (equal to the pid for a session leader)
   */
  record Stat(char state, long session) {
    boolean zombie() {
      return state == 'Z' || state == 'X';
    }
  }

  /** The process's stat, or empty when it no longer exists. */
  static Optional<Stat> stat(long pid) {
    String line;
    try {
      line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (IOException gone) {
      return Optional.empty();
    }
    // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
    String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
    if (fields.length < 4 || fields[0].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Stat(fields[0].charAt(0), Long.parseLong(fields[3])));
  }

  /** Whether the process exists and is not a zombie waiting to be reaped. */
  static boolean alive(ProcessHandle process) {
    return process.isAlive() && stat(process.pid()).map(s -> !s.zombie()).orElse(false);
  }
}
