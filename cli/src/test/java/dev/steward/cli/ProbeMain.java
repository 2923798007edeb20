package dev.steward.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The main class of the small jar {@link LauncherArchiveTest} launches: prints its arguments, and
 * writes the JVM's options to {@code jvm-options.txt} in its working directory.
 */
public final class ProbeMain {
  private static final String OPTIONS_FILE = "jvm-options.txt";

  private ProbeMain() {}

  public static void main(String[] args) throws IOException {
    Files.write(Path.of(OPTIONS_FILE), ManagementFactory.getRuntimeMXBean().getInputArguments());
    System.out.println("probe " + Arrays.toString(args));
  }

  /** The options the last run in {@code dir} had. */
  static List<String> lastOptions(Path dir) throws IOException {
    return Files.readAllLines(dir.resolve(OPTIONS_FILE));
  }
}
