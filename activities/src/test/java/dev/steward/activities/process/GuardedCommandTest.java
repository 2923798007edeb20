package dev.steward.activities.process;

import static dev.steward.activities.testing.Shell.await;
import static dev.steward.activities.testing.Shell.lines;
import static dev.steward.activities.testing.Shell.run;
import static dev.steward.activities.testing.Shell.script;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardedCommandTest {
  private static final String KEY = "update/demo/2025-01-01T03:00:00Z/update";
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @TempDir Path tmp;
  private Path state;
  private Path marker;
  private GuardedCommand guard;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void setUp() throws Exception {
    state = Files.createDirectories(tmp.resolve("state"));
    marker = tmp.resolve("runs.log");
    guard = GuardedCommand.forState(state);
  }

  @AfterEach
  void tearDown() {
    threads.shutdownNow();
  }

  @Test
  void runs_a_command_once_and_returns_its_recorded_result_to_later_calls() throws Exception {
    Path update =
        script(tmp.resolve("update.sh"), "echo ran >> " + marker + "\necho updated\nexit 3");

    GuardedResult first = guard.run(KEY, List.of(update.toString()), tmp, MINUTE);
    GuardedResult second = guard.run(KEY, List.of(update.toString()), tmp, MINUTE);

    assertEquals(3, first.result().exitCode());
    assertFalse(first.resumed());
    assertTrue(first.result().output().contains("updated"));
    assertEquals(3, second.result().exitCode());
    assertTrue(second.resumed());
    assertTrue(second.result().output().contains("updated"));
    assertEquals(List.of("ran"), lines(marker));
  }

  @Test
  void keeps_each_key_in_its_own_directory_named_without_slashes() throws Exception {
    Path stepDir = guard.stepDir(KEY);

    assertEquals(state.resolve(".steward").resolve("steps"), stepDir.getParent());
    assertEquals("update_demo_2025-01-01T03_00_00Z_update", stepDir.getFileName().toString());
    assertEquals("_..", StepDir.fileName(".."));
  }

  @Test
  void waits_for_an_earlier_attempt_that_is_still_running_instead_of_starting_another()
      throws Exception {
    Path go = tmp.resolve("go");
    Path update =
        script(
            tmp.resolve("update.sh"),
            "echo ran >> "
                + marker
                + "\nwhile [ ! -e "
                + go
                + " ]; do sleep 0.05; done\necho done");
    List<String> argv = List.of(update.toString());
    Future<GuardedResult> first = threads.submit(() -> guard.run(KEY, argv, tmp, MINUTE));
    await(
        "the first attempt recorded its pid",
        10,
        () -> Files.exists(guard.stepDir(KEY).resolve("pid")));

    AtomicReference<Thread> waiter = new AtomicReference<>();
    Future<GuardedResult> second =
        threads.submit(
            () -> {
              waiter.set(Thread.currentThread());
              return guard.run(KEY, argv, tmp, MINUTE);
            });
    // The retry is waiting once it sleeps between polls of the earlier attempt.
    await(
        "the retry waits",
        10,
        () -> waiter.get() != null && waiter.get().getState() == Thread.State.TIMED_WAITING);
    Files.createFile(go);

    assertEquals(0, first.get().result().exitCode());
    GuardedResult resumed = second.get();
    assertEquals(0, resumed.result().exitCode());
    assertTrue(resumed.resumed());
    assertTrue(resumed.result().output().contains("done"));
    assertEquals(List.of("ran"), lines(marker));
  }

  @Test
  void reports_an_unknown_outcome_and_runs_nothing_when_the_earlier_attempt_died_without_a_result()
      throws Exception {
    Process earlier = new ProcessBuilder("true").start();
    ProcessHandle handle = earlier.toHandle();
    // The two-field record of old: pid and start millis.
    long startMillis = handle.info().startInstant().map(i -> i.toEpochMilli()).orElse(-1L);
    earlier.waitFor();
    Path stepDir = guard.stepDir(KEY);
    Files.writeString(stepDir.resolve("started"), "earlier\n");
    Files.writeString(stepDir.resolve("pid"), handle.pid() + " " + startMillis + "\n");
    Files.writeString(stepDir.resolve("output.log"), "fetching…\n");
    Path update = script(tmp.resolve("update.sh"), "echo ran >> " + marker);

    GuardedResult result = guard.run(KEY, List.of(update.toString()), tmp, MINUTE);
    GuardedResult again = guard.run(KEY, List.of(update.toString()), tmp, MINUTE);

    assertTrue(result.unknownOutcome());
    assertTrue(result.resumed());
    assertEquals(GuardedResult.UNKNOWN_EXIT, result.result().exitCode());
    assertTrue(result.result().output().contains("fetching…"));
    assertTrue(result.result().output().contains("an earlier attempt died without a result"));
    assertTrue(again.unknownOutcome());
    assertEquals(List.of(), lines(marker));
  }

  @Test
  void kills_the_whole_process_tree_when_the_timeout_passes_and_records_it() throws Exception {
    Path childPid = tmp.resolve("child.pid");
    Path update = script(tmp.resolve("update.sh"), "sleep 60 &\necho $! > " + childPid + "\nwait");

    GuardedResult result = guard.run(KEY, List.of(update.toString()), tmp, Duration.ofSeconds(1));

    assertTrue(result.result().timedOut());
    assertEquals(-1, result.result().exitCode());
    long child = Long.parseLong(Files.readString(childPid).strip());
    await(
        "the update's child is gone",
        10,
        () -> ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) == false);
    GuardedResult again = guard.run(KEY, List.of(update.toString()), tmp, MINUTE);
    assertTrue(again.result().timedOut());
    assertTrue(again.resumed());
  }

  @Test
  void outlives_the_caller_in_its_own_session() throws Exception {
    Path update = script(tmp.resolve("update.sh"), "ps -o sid= -p $$ > " + tmp.resolve("sid"));

    guard.run(KEY, List.of(update.toString()), tmp, MINUTE);

    long session = Long.parseLong(Files.readString(tmp.resolve("sid")).strip());
    long ours =
        Long.parseLong(
            run(
                Path.of("/"),
                "ps",
                "-o",
                "sid=",
                "-p",
                String.valueOf(ProcessHandle.current().pid())));
    assertFalse(session == ours, "the command runs in a session of its own");
  }

  @Test
  void lets_a_later_attempt_run_when_the_command_could_not_start() throws Exception {
    Path update = script(tmp.resolve("update.sh"), "echo ran >> " + marker);

    GuardedResult missingDir =
        guard.run(KEY, List.of(update.toString()), tmp.resolve("missing"), MINUTE);
    GuardedResult retry = guard.run(KEY, List.of(update.toString()), tmp, MINUTE);

    assertEquals(127, missingDir.result().exitCode());
    assertEquals(0, retry.result().exitCode());
    assertEquals(List.of("ran"), lines(marker));
  }
}
