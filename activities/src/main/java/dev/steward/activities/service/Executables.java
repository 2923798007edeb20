package dev.steward.activities.service;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a program the way {@code execvp} will, to say clearly when it is not there. */
final class Executables {
  private Executables() {}

  /** Whether {@code program} names an executable file: by path, or else found on PATH. */
  static boolean exists(String program, Path workdir) {
    if (program.contains("/")) {
      return executable(workdir.resolve(program));
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && executable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static boolean executable(Path file) {
    return Files.isRegularFile(file) && Files.isExecutable(file);
  }
}
