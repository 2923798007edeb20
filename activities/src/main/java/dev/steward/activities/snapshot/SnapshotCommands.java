package dev.steward.activities.snapshot;

import dev.steward.activities.process.CommandResult;
import dev.steward.activities.process.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Snapshots made and restored by the user's commands ({@code hermes backup}, {@code import}). */
final class SnapshotCommands {
  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  private SnapshotCommands() {}

  /** Runs the export command in the state directory to write {@code file}. */
  static void export(List<String> command, Path state, Path file) {
    run("export", command, state, file);
    try {
      if (!Files.isRegularFile(file) || Files.size(file) == 0) {
        throw Failures.snapshotFailed(
            "export command `"
                + String.join(" ", substitute(command, file))
                + "` exited 0 but "
                + file
                + " is missing or empty");
      }
    } catch (IOException e) {
      throw Failures.snapshotFailed("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Runs the import command in the state directory to restore {@code file}. */
  static void importFrom(List<String> command, Path state, Path file) {
    run("import", command, state, file);
  }

  private static void run(String role, List<String> command, Path state, Path file) {
    List<String> argv = substitute(command, file);
    CommandResult result = Commands.run(argv, state, TIMEOUT);
    if (!result.succeeded()) {
      String how =
          result.timedOut()
              ? "timed out after " + TIMEOUT.toMinutes() + " min"
              : "exited " + result.exitCode();
      String lastLine = result.tail(1);
      throw Failures.snapshotFailed(
          role
              + " command `"
              + String.join(" ", argv)
              + "` "
              + how
              + (lastLine.isBlank() ? "" : ": " + lastLine.strip()));
    }
  }

  /** The command with every {@code {file}} replaced by the snapshot's path. */
  static List<String> substitute(List<String> command, Path file) {
    return command.stream().map(arg -> arg.replace("{file}", file.toString())).toList();
  }
}
