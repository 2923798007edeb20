package dev.steward.activities.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Real commands and scripts for tests. */
public final class Shell {
  private Shell() {}

  /** Runs {@code argv} in {@code dir}, fails the test unless it exits 0, returns its output. */
  public static String run(Path dir, String... argv) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", argv) + " failed:\n" + output);
    return output.strip();
  }

  /** Runs git in {@code dir} as a test author. */
  public static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> argv =
        new ArrayList<>(
            List.of("git", "-c", "user.email=test@steward.dev", "-c", "user.name=Test"));
    argv.addAll(List.of(args));
    return run(dir, argv.toArray(String[]::new));
  }

  /** Writes an executable {@code sh} script. */
  public static Path script(Path file, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  /** The lines of {@code file}, or none when it does not exist. */
  public static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  /** Polls {@code condition} until it holds; fails the test after {@code seconds}. */
  public static void await(String what, long seconds, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }
}
