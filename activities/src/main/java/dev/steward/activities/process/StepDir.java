package dev.steward.activities.process;

import dev.steward.activities.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The directory that records one guarded step on disk, {@code <state>/.steward/steps/<key>/}:
 * {@code started} (an attempt is about to start the command), {@code pid} (its pid and start time),
 * {@code exit} (its exit status, or {@code timeout}) and {@code output.log}.
 */
final class StepDir {
  static final String TIMED_OUT = "timeout";

  private static final int MAX_NAME = 120;

  final Path dir;

  private StepDir(Path dir) {
    this.dir = dir;
  }

  /** The step directory for {@code key} under {@code stepsRoot}, created when missing. */
  static StepDir open(Path stepsRoot, String key) throws IOException {
    StepDir step = new StepDir(stepsRoot.resolve(fileName(key)));
    Files.createDirectories(step.dir);
    return step;
  }

  /** A file name for a key: '/' and other unsafe characters become '_'. */
  static String fileName(String key) {
    String name = key.replaceAll("[^A-Za-z0-9._-]", "_");
    if (name.isEmpty() || name.startsWith(".")) {
      name = "_" + name; // Never "." or "..", never hidden.
    }
    // Keep names well under the filesystem's limit; the hash keeps long keys distinct.
    return name.length() <= MAX_NAME
        ? name
        : name.substring(0, MAX_NAME - 9) + "-" + Integer.toHexString(key.hashCode());
  }

  Path output() {
    return dir.resolve("output.log");
  }

  Path started() {
    return dir.resolve("started");
  }

  /** The recorded exit status ("0", "1", … or {@value #TIMED_OUT}), when the command finished. */
  Optional<String> readExit() throws IOException {
    Path exit = dir.resolve("exit");
    return Files.exists(exit)
        ? Optional.of(Files.readString(exit, StandardCharsets.UTF_8).strip())
        : Optional.empty();
  }

  /** Records an exit status unless the command's wrapper already recorded one. */
  void writeExitIfAbsent(String status) throws IOException {
    writeOnce(dir.resolve("exit"), status + "\n");
  }

  /** Writes {@code file} whole, unless it exists: a hard link, unlike a rename, never replaces. */
  static void writeOnce(Path file, String content) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.createLink(file, tmp);
    } catch (FileAlreadyExistsException writtenFirst) {
      // The first record stands.
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Records which process runs the command: "pid startMillis startTicks", written atomically. */
  void writePid(ProcessHandle process) throws IOException {
    ProcessStart start = ProcessStart.of(process);
    String line =
        process.pid() + " " + orMinusOne(start.epochMillis()) + " " + orMinusOne(start.ticks());
    AtomicFiles.write(dir.resolve("pid"), (line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The recorded process, when one was recorded; it may since have exited. */
  Optional<RecordedProcess> readPid() throws IOException {
    Path pid = dir.resolve("pid");
    if (!Files.exists(pid)) {
      return Optional.empty();
    }
    String[] fields = Files.readString(pid).strip().split("\\s+");
    Long millis = knownOrNull(Long.parseLong(fields[1]));
    Long ticks = fields.length > 2 ? knownOrNull(Long.parseLong(fields[2])) : null; // Older: 2.
    return Optional.of(
        new RecordedProcess(Long.parseLong(fields[0]), new ProcessStart(ticks, millis)));
  }

  private static long orMinusOne(Long value) {
    return value == null ? -1 : value;
  }

  private static Long knownOrNull(long value) {
    return value < 0 ? null : value;
  }

  /** A process as recorded: its pid and start, which together tell it from a reused pid. */
  record RecordedProcess(long pid, ProcessStart start) {

    /** The live process this record names, if it is still running. */
    Optional<ProcessHandle> live() {
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(start::matches);
    }
  }
}
