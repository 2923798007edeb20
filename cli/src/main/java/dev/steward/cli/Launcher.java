package dev.steward.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** How to run this very steward again from a unit: its java and its jar (or class path). */
public final class Launcher {
  private Launcher() {}

  /** {@code java -jar steward.jar}, or {@code java -cp CLASSPATH dev.steward.cli.Steward}. */
  public static List<String> command() {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path source = codeSource();
    if (source.toString().endsWith(".jar")) {
      return List.of(java, "-jar", source.toString());
    }
    // Not from the jar (a test, an IDE): the same class path this JVM has.
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(":"))
            .filter(entry -> !entry.isEmpty())
            .collect(Collectors.joining(":"));
    return List.of(java, "-cp", classPath, Steward.class.getName());
  }

  private static Path codeSource() {
    try {
      return Path.of(Steward.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot tell where steward's classes are: " + e, e);
    }
  }
}
