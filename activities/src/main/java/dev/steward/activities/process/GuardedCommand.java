package dev.steward.activities.process;

import io.temporal.activity.Activity;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a command that must not run twice (an update script) at most once per key, even when the
 * worker that started it dies. The command runs in its own session, outliving the worker, through a
 * wrapper that records its exit status beside the key; its pid and start time are recorded too. A
 * later call with the same key never starts a second copy: it takes the recorded result, waits for
 * the earlier run that is still going, or reports that the earlier run died without a result.
 */
public final class GuardedCommand {
  /** Runs {@code "$@"} and records its exit status in {@code $0/exit}, atomically. */
  private static final String WRAPPER =
      "\"$@\"; echo $? > \"$0/exit.tmp\" && mv \"$0/exit.tmp\" \"$0/exit\"";

  private static final long POLL_MILLIS = 200;

  private final Path stepsRoot;

  /** A guard keeping its records under {@code stepsRoot}, one directory per key. */
  public GuardedCommand(Path stepsRoot) {
    this.stepsRoot = stepsRoot;
  }

  /** A guard keeping its records under {@code <state>/.steward/steps}. */
  public static GuardedCommand forState(Path state) {
    return new GuardedCommand(state.resolve(".steward").resolve("steps"));
  }

  /** The directory recording {@code key}'s step; callers may keep their own notes in it. */
  public Path stepDir(String key) {
    try {
      return StepDir.open(stepsRoot, key).dir;
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  /**
   * Runs {@code argv} in {@code dir} unless an earlier call with {@code key} already started it,
   * waiting at most {@code timeout} from the command's start, then kills its whole session.
   * Heartbeats while it waits.
   */
  public GuardedResult run(String key, List<String> argv, Path dir, Duration timeout) {
    if (argv == null || argv.isEmpty()) {
      throw new IllegalArgumentException("empty command for step " + key);
    }
    try {
      StepDir step = StepDir.open(stepsRoot, key);
      Optional<String> exit = step.readExit();
      if (exit.isPresent()) {
        return new GuardedResult(finished(step, argv, exit.get()), true, false);
      }
      try {
        // Claimed before starting: from here on, no later call starts this key's command again.
        Files.writeString(step.started(), Instant.now() + "\n", StandardOpenOption.CREATE_NEW);
      } catch (FileAlreadyExistsException earlierAttempt) {
        return resume(step, argv, timeout);
      }
      return start(step, argv, dir, timeout);
    } catch (IOException e) {
      throw Activity.wrap(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  private GuardedResult start(StepDir step, List<String> argv, Path dir, Duration timeout)
      throws IOException, InterruptedException {
    List<String> wrapped =
        new ArrayList<>(List.of("setsid", "sh", "-c", WRAPPER, step.dir.toString()));
    wrapped.addAll(argv);
    Process process;
    try {
      process =
          new ProcessBuilder(wrapped)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(step.output().toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
    } catch (IOException cannotStart) {
      Files.deleteIfExists(step.started()); // Nothing ran, so a retry may try again.
      return new GuardedResult(
          new CommandResult(
              List.copyOf(argv), 127, false, "cannot run: " + cannotStart.getMessage()),
          false,
          false);
    }
    step.writePid(process.toHandle());
    return await(step, argv, process.toHandle(), Optional.of(process), timeout);
  }

  /** An earlier call claimed this key: wait for its command if it still runs, else report. */
  private GuardedResult resume(StepDir step, List<String> argv, Duration timeout)
      throws IOException, InterruptedException {
    Optional<StepDir.RecordedProcess> recorded = step.readPid();
    Optional<ProcessHandle> earlier =
        recorded.isPresent()
            ? recorded.get().live()
            : findWrapper(step); // It died between claiming the key and recording the pid.
    return earlier.isPresent()
        ? await(step, argv, earlier.get(), Optional.empty(), timeout)
        : ended(step, argv, Optional.empty());
  }

  /** Waits for the command's wrapper; {@code own} is present when this call started it. */
  private GuardedResult await(
      StepDir step,
      List<String> argv,
      ProcessHandle process,
      Optional<Process> own,
      Duration timeout)
      throws IOException, InterruptedException {
    boolean resumed = own.isEmpty();
    Long started = ProcessStart.of(process).epochMillis();
    long deadline = (started != null ? started : System.currentTimeMillis()) + timeout.toMillis();
    while (true) {
      Optional<String> exit = step.readExit();
      if (exit.isPresent()) {
        return new GuardedResult(finished(step, argv, exit.get()), resumed, false);
      }
      if (!process.isAlive()) {
        return ended(step, argv, own);
      }
      if (System.currentTimeMillis() > deadline) {
        killSession(process);
        step.writeExitIfAbsent(StepDir.TIMED_OUT);
        return new GuardedResult(
            finished(step, argv, step.readExit().orElseThrow()), resumed, false);
      }
      Commands.heartbeatIfInActivity();
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** The command's wrapper is gone: take its record, or our child's exit status, or say unknown. */
  private GuardedResult ended(StepDir step, List<String> argv, Optional<Process> own)
      throws IOException, InterruptedException {
    Optional<String> exit = step.readExit();
    if (exit.isPresent()) {
      return new GuardedResult(finished(step, argv, exit.get()), own.isEmpty(), false);
    }
    if (own.isPresent()) {
      // The wrapper itself was killed before it could record anything; its status says how.
      step.writeExitIfAbsent(String.valueOf(own.get().waitFor()));
      return new GuardedResult(finished(step, argv, step.readExit().orElseThrow()), false, false);
    }
    String output = Commands.readTail(step.output());
    String note = "an earlier attempt died without a result";
    return new GuardedResult(
        new CommandResult(
            List.copyOf(argv),
            GuardedResult.UNKNOWN_EXIT,
            false,
            output.isEmpty() ? note : output + "\n" + note),
        true,
        true);
  }

  private static CommandResult finished(StepDir step, List<String> argv, String status)
      throws IOException {
    String output = Commands.readTail(step.output());
    if (StepDir.TIMED_OUT.equals(status)) {
      return new CommandResult(List.copyOf(argv), -1, true, output);
    }
    int code;
    try {
      code = Integer.parseInt(status);
    } catch (NumberFormatException garbled) {
      code = GuardedResult.UNKNOWN_EXIT;
    }
    return new CommandResult(List.copyOf(argv), code, false, output);
  }

  /** The wrapper for this step, found by its command line, which names the step directory. */
  private static Optional<ProcessHandle> findWrapper(StepDir step) {
    String dir = step.dir.toString();
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains(dir) && c.contains("exit.tmp"))
                    .orElse(false))
        .findFirst();
  }

  /**
   * Kills the wrapper's whole session: the wrapper leads its own process group (setsid), so one
   * group kill reaches what it started even after they were re-parented; then its descendants by
   * the process tree, for any that left the group.
   */
  private static void killSession(ProcessHandle wrapper) throws InterruptedException {
    List<ProcessHandle> descendants = wrapper.descendants().toList();
    try {
      new ProcessBuilder("kill", "-KILL", "--", "-" + wrapper.pid())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (IOException noKill) {
      // Fall back to the process tree alone.
    }
    wrapper.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
  }
}
