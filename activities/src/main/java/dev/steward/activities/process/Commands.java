package dev.steward.activities.process;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands given as argv lists, never through a shell. While a command runs inside an
 * activity, the activity heartbeats, so a dead worker is noticed in seconds.
 */
public final class Commands {
  /** How many characters of a command's output are kept. */
  public static final int OUTPUT_LIMIT = 64 * 1024;

  private static final long POLL_MILLIS = 500;

  private Commands() {}

  /**
   * Runs {@code argv} in {@code dir}, waits at most {@code timeout}, and kills its whole process
   * tree when it runs longer. Output goes to a temporary file, so a chatty command never blocks.
   */
  public static CommandResult run(List<String> argv, Path dir, Duration timeout) {
    return run(argv, dir, timeout, Map.of());
  }

  /** Like {@link #run(List, Path, Duration)}, with {@code environment} added to the worker's. */
  public static CommandResult run(
      List<String> argv, Path dir, Duration timeout, Map<String, String> environment) {
    Path out = null;
    try {
      out = Files.createTempFile("steward-cmd", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(argv)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(environment);
      Process process = builder.start();
      boolean finished = waitFor(process, timeout);
      if (!finished) {
        killTree(process.toHandle());
        process.waitFor(10, TimeUnit.SECONDS);
      }
      return new CommandResult(
          List.copyOf(argv), finished ? process.exitValue() : -1, !finished, readTail(out));
    } catch (IOException e) {
      return new CommandResult(List.copyOf(argv), 127, false, "cannot run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    } finally {
      deleteQuietly(out);
    }
  }

  /** Kills a process and everything it started: SIGKILL, children first. */
  public static void killTree(ProcessHandle process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** The last {@code lines} lines of {@code text}. */
  public static String lastLines(String text, int lines) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String trimmed = text.stripTrailing();
    int cut = trimmed.length();
    for (int i = 0; i < lines && cut > 0; i++) {
      cut = trimmed.lastIndexOf('\n', cut - 1);
      if (cut < 0) {
        return trimmed;
      }
    }
    return trimmed.substring(cut + 1);
  }

  /** Reads the last {@link #OUTPUT_LIMIT} characters of a file, or "" when it is missing. */
  public static String readTail(Path file) throws IOException {
    if (file == null || !Files.exists(file)) {
      return "";
    }
    // Only the end is read (4 bytes are the longest UTF-8 character): a service's log of any size
    // costs the worker's small heap 256 KiB, never the whole file.
    byte[] bytes;
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length(); // once: a live log grows while we read
      long start = Math.max(0, length - 4L * OUTPUT_LIMIT);
      bytes = new byte[(int) (length - start)];
      in.seek(start);
      in.readFully(bytes);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.length() > OUTPUT_LIMIT ? text.substring(text.length() - OUTPUT_LIMIT) : text;
  }

  private static boolean waitFor(Process process, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
      heartbeatIfInActivity();
      if (System.nanoTime() > deadline) {
        return false;
      }
    }
    return true;
  }

  /** Heartbeats when called from an activity; does nothing elsewhere (tests, the CLI). */
  public static void heartbeatIfInActivity() {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException notInActivity) {
      return;
    }
    context.heartbeat(null);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A leftover temp file is harmless.
    }
  }
}
