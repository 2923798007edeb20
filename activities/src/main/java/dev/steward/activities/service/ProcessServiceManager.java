package dev.steward.activities.service;

import static dev.steward.activities.service.ServiceFailures.serviceFailed;

import dev.steward.activities.process.Commands;
import io.temporal.activity.Activity;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A service that Steward runs itself as a detached process: started with {@code setsid}, so it has
 * its own session and outlives the worker; output appended to {@code <state>/.steward/service.log};
 * pid and start time recorded in {@code <state>/.steward/service.json}.
 */
public final class ProcessServiceManager implements ServiceManager {
  // Long enough to catch a program that cannot start at all, short enough not to slow a restart.
  private static final long START_WINDOW_MILLIS = 300;

  private final List<String> argv;
  private final Path workdir;
  private final Path stewardDir;
  private final Duration grace;

  /**
   * @param argv the service's command line
   * @param workdir where it runs
   * @param state the target's state directory; Steward's files go in its {@code .steward/}
   * @param grace how long a stopped service may take to exit after SIGTERM before SIGKILL
   */
  public ProcessServiceManager(List<String> argv, Path workdir, Path state, Duration grace) {
    this.argv = List.copyOf(argv);
    this.workdir = workdir;
    this.stewardDir = state.resolve(".steward");
    this.grace = grace;
  }

  @Override
  public void start() {
    requireStartable();
    Process process;
    try {
      Files.createDirectories(stewardDir);
      appendToLog("--- steward: starting `" + String.join(" ", argv) + "` at " + Instant.now());
      process = builder().start();
      ServiceRecord.of(process.toHandle(), argv).write(recordFile());
    } catch (IOException e) {
      throw serviceFailed("cannot start `" + String.join(" ", argv) + "`: " + e.getMessage());
    }
    failIfExitedAtOnce(process);
  }

  private ProcessBuilder builder() {
    List<String> command = new ArrayList<>();
    command.add("setsid");
    command.addAll(argv);
    return new ProcessBuilder(command)
        .directory(workdir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
  }

  private void failIfExitedAtOnce(Process process) {
    try {
      if (process.waitFor(START_WINDOW_MILLIS, TimeUnit.MILLISECONDS)) {
        throw serviceFailed(
            "`"
                + String.join(" ", argv)
                + "` exited at once with status "
                + process.exitValue()
                + lastLogLine());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  @Override
  public void stop() {
    Optional<ServiceRecord> record = ServiceRecord.read(recordFile());
    Optional<ProcessHandle> process = record.flatMap(ServiceRecord::liveProcess);
    if (process.isEmpty()) {
      return;
    }
    ProcessTree tree = new ProcessTree(process.get());
    if (!tree.stop(grace)) {
      throw serviceFailed("processes " + tree.livePids() + " of the service survived SIGKILL");
    }
  }

  @Override
  public ServiceStatus status() {
    Optional<ServiceRecord> record = ServiceRecord.read(recordFile());
    if (record.isEmpty()) {
      return ServiceStatus.down("Steward has not started it", true);
    }
    long pid = record.get().pid();
    if (record.get().liveProcess().isEmpty()) {
      return ServiceStatus.down("pid " + pid + " exited", true);
    }
    return ServiceStatus.running("pid " + pid, "running as pid " + pid);
  }

  @Override
  public String evidence(int lines) {
    try {
      String tail = Commands.lastLines(Commands.readTail(logFile()), lines);
      return tail.isEmpty() ? "(" + logFile() + " is empty or missing)" : tail;
    } catch (IOException e) {
      return "(cannot read " + logFile() + ": " + e.getMessage() + ")";
    }
  }

  private void requireStartable() {
    if (argv.isEmpty()) {
      throw ServiceFailures.configInvalid("the service has no start command");
    }
    if (!Files.isDirectory(workdir)) {
      throw serviceFailed("cannot start the service: workdir " + workdir + " does not exist");
    }
    if (!Executables.exists(argv.get(0), workdir)) {
      throw serviceFailed(
          "cannot start the service: `"
              + argv.get(0)
              + "` is not an executable file"
              + (argv.get(0).contains("/") ? " (relative to " + workdir + ")" : " on PATH"));
    }
  }

  private void appendToLog(String line) throws IOException {
    Files.writeString(
        logFile(),
        line + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private String lastLogLine() {
    String last = evidence(1);
    return last.startsWith("(") || last.startsWith("--- steward:") ? "" : ": " + last.strip();
  }

  private Path logFile() {
    return stewardDir.resolve("service.log");
  }

  private Path recordFile() {
    return stewardDir.resolve("service.json");
  }
}
