package dev.steward.activities.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the systemd sandbox needs from this machine, checked before trying to boot it. */
final class SandboxPreconditions {
  private static final int CAP_SYS_ADMIN = 21;

  private SandboxPreconditions() {}

  /** Why the sandbox cannot start here, or empty when it should. */
  static Optional<String> missing(Path recipe) throws IOException {
    if (!Files.isExecutable(recipe.resolve("up"))) {
      return Optional.of("the recipe is not at " + recipe);
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return Optional.of("it needs root (running as " + System.getProperty("user.name") + ")");
    }
    if (!hasSysAdmin()) {
      return Optional.of("it needs CAP_SYS_ADMIN (a container without it cannot mount)");
    }
    for (String tool :
        new String[] {"/lib/systemd/systemd", "/usr/bin/unshare", "/usr/bin/nsenter"}) {
      if (!Files.isExecutable(Path.of(tool))) {
        return Optional.of(tool + " is missing (apt-get install systemd dbus util-linux)");
      }
    }
    String first = System.getenv().getOrDefault("PATH", "").split(":")[0];
    if (!Path.of(first).toAbsolutePath().normalize().equals(recipe.resolve("dispatch"))) {
      return Optional.of(
          "the recipe's dispatch/ is not first on PATH (run the tests with Maven: surefire sets it)");
    }
    return Optional.empty();
  }

  private static boolean hasSysAdmin() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("CapEff:")) {
        return new BigInteger(line.substring(7).strip(), 16).testBit(CAP_SYS_ADMIN);
      }
    }
    return false;
  }
}
