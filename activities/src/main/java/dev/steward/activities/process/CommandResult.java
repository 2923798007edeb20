package dev.steward.activities.process;

import java.util.List;

/**
 * How a command ended.
 *
 * @param argv what ran
 * @param exitCode its exit status, or -1 when it was killed for running past its timeout
 * @param timedOut whether it was killed for running past its timeout
 * @param output its stdout and stderr, interleaved, cut to the last {@link Commands#OUTPUT_LIMIT}
 *     characters
 */
public record CommandResult(List<String> argv, int exitCode, boolean timedOut, String output) {

  /** Whether the command exited 0 in time. */
  public boolean succeeded() {
    return !timedOut && exitCode == 0;
  }

  /** The last {@code lines} lines of the output. */
  public String tail(int lines) {
    return Commands.lastLines(output, lines);
  }

  /** One line for people: the command and how it ended. */
  public String describe() {
    String command = String.join(" ", argv);
    return timedOut ? command + " timed out" : command + " exited " + exitCode;
  }
}
