package dev.steward.worker.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's host name, as {@code hostname} prints it. */
final class Hostname {
  private Hostname() {}

  static String ofThisMachine() {
    // The kernel's name is what `hostname` prints; a DNS lookup could be slow or answer otherwise.
    try {
      String name = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8);
      if (!name.isBlank()) {
        return name.trim();
      }
    } catch (IOException | RuntimeException notLinux) {
      // Fall through to the JDK's answer.
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
