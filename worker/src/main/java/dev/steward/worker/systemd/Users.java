package dev.steward.worker.systemd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who this process runs as. */
final class Users {
  private Users() {}

  /** The effective uid: the owner of {@code /proc/self}. */
  static long uid() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    } catch (IOException e) {
      throw new SystemdException(
          "cannot read this process's uid from /proc/self: " + e.getMessage());
    }
  }

  /** The user's name, as {@code loginctl} wants it. */
  static String name() {
    return System.getProperty("user.name");
  }
}
