package dev.steward.worker.systemd;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting for unit files: argv words for {@code ExecStart=}, values for other settings. */
final class ExecLine {
  private ExecLine() {}

  /** An argv as an {@code ExecStart=} command line that systemd splits back into the same argv. */
  static String of(List<String> argv) {
    return argv.stream().map(ExecLine::word).collect(Collectors.joining(" "));
  }

  /** One argv word: {@code $} would expand a variable, so it is doubled too. */
  static String word(String word) {
    return quoted(specifiers(word).replace("$", "$$"));
  }

  /** A value of a setting that takes quoted words ({@code Environment=}). */
  static String value(String value) {
    return quoted(specifiers(value));
  }

  /** Escapes systemd's specifiers ({@code %h}, {@code %u}, ...), for settings taken literally. */
  static String specifiers(String value) {
    return value.replace("%", "%%");
  }

  private static String quoted(String word) {
    boolean plain = !word.isEmpty() && word.chars().noneMatch(c -> " \t\"'\\;".indexOf(c) >= 0);
    return plain ? word : '"' + word.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
