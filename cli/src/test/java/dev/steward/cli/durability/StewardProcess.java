package dev.steward.cli.durability;

import dev.steward.worker.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code steward} command as a real process of its own ({@code java -cp … Steward ARGS}), with
 * its output in files, so a test can kill it with SIGKILL like a crash or a power cut would.
 */
final class StewardProcess implements AutoCloseable {
  // C1 only and the serial collector: these JVMs live seconds to a minute; start-up CPU matters.
  private static final List<String> JVM_FLAGS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

  private final String name;
  private final Process process;
  private final Path out;
  private final Path err;

  private StewardProcess(String name, Process process, Path out, Path err) {
    this.name = name;
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts {@code steward ARGS} with extra environment variables; output goes to {@code logs}. */
  static StewardProcess start(Path logs, String name, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    command.addAll(JVM_FLAGS);
    command.addAll(List.of("-cp", classPath(), FaultyStewardMain.class.getName()));
    command.addAll(List.of(args));
    try {
      Files.createDirectories(logs);
      Path out = logs.resolve(name + ".out");
      Path err = logs.resolve(name + ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(env);
      return new StewardProcess(name, builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until stdout contains {@code text}; fails with the output if it never does. */
  StewardProcess awaitOutput(String text, Duration timeout) {
    Await.until(
        name + " to print \"" + text + "\"",
        timeout,
        () -> {
          if (!process.isAlive() && !stdout().contains(text)) {
            throw new AssertionError(name + " exited " + process.exitValue() + ": " + this);
          }
          return stdout().contains(text);
        });
    return this;
  }

  /** SIGKILL: no shutdown hook runs, as when the kernel or a power cut ends the process. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, as {@code systemctl stop} sends: the shutdown hooks run. */
  void stop() {
    process.destroy();
  }

  /** Waits for the exit code; fails when the process is still running after {@code timeout}. */
  int exitCode(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(name + " still runs after " + timeout + ": " + this);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  String stdout() {
    return read(out);
  }

  String stderr() {
    return read(err);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  @Override
  public String toString() {
    return name + "\n--- stdout ---\n" + stdout() + "--- stderr ---\n" + stderr();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The test's class path: Steward and everything it needs, compiled by this build. */
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }
}
