package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Await;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.StewardRuntime;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleActionResult;
import io.temporal.client.schedules.ScheduleDescription;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Update schedules that fire by themselves on a real Temporal server, with this host's worker
 * running against it and a real target: the server starts the runs, the worker does the work.
 *
 * <p>Each test has a host name of its own, so a run a failed test left behind waits on that host's
 * activity queue and never touches the next test's target.
 */
class ScheduledUpdateServerTest {
  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  /** Only against hangs: a loaded 2-core machine can take long for a run. */
  private static final Duration WAIT = Duration.ofSeconds(120);

  private static final AtomicInteger HOSTS = new AtomicInteger();

  @TempDir Path tmp;
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();
  private final String host = "sched-" + HOSTS.incrementAndGet();
  private TestTarget target;
  private Path config;
  private StewardRuntime worker;
  private Path gate;

  @BeforeEach
  void startTargetAndWorker() throws Exception {
    target = TestTarget.create(tmp.resolve("target"));
    config = tmp.resolve("steward.yaml");
    writeConfig("");
    worker = StewardRuntime.open(load(), this::load);
    worker.startWorker(this::load);
    service.restartService(plan());
  }

  /** Leaves the server without this test's schedule, also when the test failed half way. */
  @AfterEach
  void deleteTheScheduleAndStopEverything() throws Exception {
    try {
      if (gate != null) {
        // A slow update the test did not get to release would keep its shell waiting.
        Files.writeString(gate, "go\n");
      }
      if (!temporal.isRunning()) {
        temporal.start();
      }
      steward("schedule", "delete", "demo");
    } finally {
      try {
        worker.close();
      } finally {
        service.stopService(plan());
      }
    }
  }

  @Test
  void an_interval_schedule_fires_by_itself_and_updates_the_target() throws Exception {
    String next = target.publish("healthy v2");
    writeConfig("{every: 5s}");

    CliRun applied = steward("schedule", "apply");
    // Nobody triggers it: the server starts the run when it is due.
    String run = awaitRecentRun(0);
    JsonNode listed = awaitHistory(run, "updated");
    CliRun described = steward("schedule", "describe", "demo");

    assertEquals(
        "created update/demo/" + host + ": every 5s, no jitter, catch-up 1d, overlap skip\n",
        applied.out(),
        applied.toString());
    assertTrue(run.startsWith("update/demo/" + host + "-"), run);
    assertEquals("update", listed.get("kind").asText(), listed.toString());
    assertEquals(next, target.revision());
    assertTrue(service.verifyHealth(plan()).healthy(), "the target answers health");
    assertTrue(described.out().contains("  when: every 5s, no jitter\n"), described.toString());
    assertTrue(described.out().contains("  recent: " + run + " scheduled "), described.toString());
    assertFalse(described.out().contains("  next runs: none"), described.toString());
  }

  @Test
  void a_run_still_going_when_the_next_is_due_makes_the_server_skip_that_one() throws Exception {
    Path started = tmp.resolve("update-started");
    gate = tmp.resolve("gate");
    String next = target.publish("healthy v2");
    Path update =
        target.script(
            "slow-update.sh",
            "touch "
                + started
                + "\nwhile [ ! -f "
                + gate
                + " ]; do sleep 0.1; done\ngit -C "
                + target.checkout()
                + " pull -q --ff-only origin main");
    target.updateCommand("[" + update + "]");
    writeConfig("{every: 5s}");

    steward("schedule", "apply");
    Await.until("the scheduled update to start its command", WAIT, () -> Files.exists(started));
    String run = awaitRecentRun(0);
    // The run waits on the gate; the next due time comes and goes.
    Await.until(
        "the server to skip a run",
        WAIT,
        () -> serverSchedule().getInfo().getNumActionsSkippedOverlap() >= 1);
    ScheduleDescription whileLong = serverSchedule();
    CliRun described = steward("schedule", "describe", "demo");
    steward("schedule", "delete", "demo");
    Files.writeString(gate, "go\n");
    awaitHistory(run, "updated");

    assertEquals(next, target.revision());
    assertEquals(1, whileLong.getInfo().getNumActions(), "one run started while it was long");
    assertEquals(
        List.of(run),
        whileLong.getInfo().getRunningActions().stream()
            .map(a -> ((ScheduleActionExecutionStartWorkflow) a).getWorkflowId())
            .toList());
    assertTrue(described.out().contains("  running: " + run + "\n"), described.toString());
    assertTrue(described.out().contains("  actions: 1 started, "), described.toString());
    assertFalse(described.out().contains(", 0 skipped"), described.toString());
  }

  @Test
  void a_run_due_while_the_server_was_down_starts_when_it_comes_back() throws Exception {
    String next = target.publish("healthy v2");
    writeConfig("{every: 20s, catchup: 5m}");
    // Runs fall on multiples of 20 s since the epoch: apply just after one, so the server can be
    // stopped well before the next (19 s leave room for a starved machine) and no run is under way
    // when it goes down.
    Await.until(
        "the start of a twenty-second slot",
        WAIT,
        () -> System.currentTimeMillis() % 20_000 < 1_000);
    steward("schedule", "apply");
    Instant due = awaitNextRun();

    temporal.kill();
    Instant down = Instant.now();
    Await.until("the due time to pass", WAIT, () -> Instant.now().isAfter(due.plusSeconds(1)));
    Instant backUp = Instant.now();
    temporal.start();
    ScheduleActionResult caughtUp = awaitRecentActionResult(0);
    awaitHistory(workflowId(caughtUp), "updated");

    assertTrue(down.isBefore(due), "the server went down before the run was due: " + down);
    assertEquals(due, caughtUp.getScheduledAt(), "the run is the one due while it was down");
    assertTrue(
        !caughtUp.getStartedAt().isBefore(backUp),
        "started after the server came back: " + caughtUp.getStartedAt());
    assertEquals(next, target.revision());
    assertTrue(service.verifyHealth(plan()).healthy(), "the target answers health");
  }

  /** The workflow of the schedule's {@code index}-th recent action, once the server has it. */
  private ScheduleActionResult awaitRecentActionResult(int index) {
    AtomicReference<ScheduleActionResult> found = new AtomicReference<>();
    Await.until(
        "the schedule's run #" + (index + 1),
        WAIT,
        () -> {
          List<ScheduleActionResult> recent = serverSchedule().getInfo().getRecentActions();
          if (recent.size() > index) {
            found.set(recent.get(index));
          }
          return found.get() != null;
        });
    return found.get();
  }

  private String awaitRecentRun(int index) {
    return workflowId(awaitRecentActionResult(index));
  }

  private static String workflowId(ScheduleActionResult action) {
    return ((ScheduleActionExecutionStartWorkflow) action.getAction()).getWorkflowId();
  }

  /** When the server says the schedule runs next. */
  private Instant awaitNextRun() {
    AtomicReference<Instant> next = new AtomicReference<>();
    Await.until(
        "the schedule's next run time",
        WAIT,
        () -> {
          serverSchedule().getInfo().getNextActionTimes().stream().findFirst().ifPresent(next::set);
          return next.get() != null;
        });
    return next.get();
  }

  /** Waits until {@code steward history demo} lists {@code run} with {@code outcome}. */
  private JsonNode awaitHistory(String run, String outcome) {
    AtomicReference<JsonNode> found = new AtomicReference<>();
    AtomicReference<CliRun> last = new AtomicReference<>();
    try {
      Await.until(
          "steward history to list " + run + " as " + outcome,
          WAIT,
          () -> {
            CliRun history = steward("history", "demo", "--output", "json");
            last.set(history);
            for (JsonNode entry : json(history.out())) {
              if (run.equals(entry.get("workflowId").asText())
                  && outcome.equals(entry.get("outcome").asText())) {
                found.set(entry);
              }
            }
            return found.get() != null;
          });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; last: " + last.get(), e);
    }
    return found.get();
  }

  private ScheduleDescription serverSchedule() {
    return worker.connection().schedules().getHandle("update/demo/" + host).describe();
  }

  private void writeConfig(String update) throws Exception {
    String yaml =
        temporal.configSection()
            + Files.readString(target.config()).replace("host: test-host\n", "host: " + host + "\n")
            + (update.isEmpty() ? "" : "    schedule:\n      update: " + update + "\n");
    Files.writeString(config, yaml);
  }

  private StewardConfig load() {
    return ConfigLoader.forThisMachine().load(config);
  }

  private TargetPlan plan() {
    return load().targets().get(TestTarget.NAME);
  }

  private CliRun steward(String... args) {
    return CliRun.withConfig(config, args);
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text.isBlank() ? "[]" : text);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
