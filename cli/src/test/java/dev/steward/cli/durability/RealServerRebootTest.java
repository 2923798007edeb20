package dev.steward.cli.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Await;
import dev.steward.worker.Pipelines;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.config.TemporalSettings;
import dev.steward.worker.history.PastRun;
import dev.steward.worker.history.RunHistory;
import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.update.UpdateResult;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durability promise on a real Temporal server ({@code temporal server start-dev} with SQLite),
 * with real processes: a power cut (server, worker and the targets' processes SIGKILLed at once,
 * the server started again from its database, then a new worker), and a worker SIGKILL while the
 * server runs. Sticky queues stay on here (no {@link dev.steward.worker.StickyQueueBypass}): the
 * runs resume by the real server's own rules. The figures go to {@code
 * target/real-server-figures.txt}; docs/durability.md quotes them.
 */
class RealServerRebootTest {
  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  private static final Duration PATIENCE = Duration.ofMinutes(4);
  private static final Path LOGS = Path.of("target", "durability-logs", "real-server");

  @TempDir Path tmp;
  private final List<StewardProcess> processes = new ArrayList<>();
  private final List<MatrixCase> cases = new ArrayList<>();
  private Path config;

  /** Stops whatever a test started, also when it failed half way; the server runs for the next. */
  @AfterEach
  void cleanUp() {
    processes.forEach(StewardProcess::close);
    cases.forEach(MatrixCase::cleanUp);
    if (!temporal.isRunning()) {
      temporal.start();
    }
  }

  @Test
  void a_connection_to_the_real_server_keeps_sticky_queues() {
    try (TemporalConnection connection = connect()) {
      assertFalse(connection.bypassesStickyQueues(), connection.description());
    }
  }

  @Test
  void a_power_cut_during_an_update_command_and_a_recovery_restart_ends_both_healthy()
      throws Exception {
    MatrixCase update = newCase("cut-update", Fault.REBOOT, Step.UPDATE, Expect.updated());
    MatrixCase recovery =
        newCase("cut-recover", Fault.REBOOT, RecoveryStep.RESTART, Expect.restarted());
    hang(recovery);
    writeConfig("cut-host", update, recovery);
    StewardProcess first = startWorker("cut-worker-1");
    try (TemporalConnection connection = connect()) {
      WorkflowClient client = connection.client();
      update.workflowId = startUpdate(client, update, "cut-host");
      // The update command has moved the code and runs on (held): the cut lands inside it.
      Await.until("the update command to run", PATIENCE, () -> Files.exists(update.moved()));
      recovery.workflowId = detach("recover", recovery);
      // Its restart waits out the 10 s stop grace of a service that does not answer SIGTERM.
      Await.until(
          "the recovery's restart to run",
          PATIENCE,
          () -> ServerRuns.isRunning(client, recovery.workflowId, "RestartService"));
    }

    temporal.kill();
    first.kill();
    update.killProcessesUnder();
    recovery.killProcessesUnder();
    temporal.start();
    Instant workerStart = Instant.now();
    startWorker("cut-worker-2");

    try (TemporalConnection connection = connect()) {
      WorkflowClient client = connection.client();
      UpdateResult updated = result(client, update, UpdateResult.class);
      update.outcome = updated.outcome().wire();
      update.message = updated.message();
      RecoveryResult recovered = result(client, recovery, RecoveryResult.class);
      recovery.outcome = recovered.outcome().wire();
      recovery.message = recovered.message();
      figure("power cut during the update command", client, update.workflowId, workerStart);
      figure("power cut during a recovery's restart", client, recovery.workflowId, workerStart);
      assertEquals("updated", lastRun(connection, update).outcome(), "steward history");
      assertResumedTheUpdateCommand(updated);
    }
    assertWorldAsExpected(update);
    assertWorldAsExpected(recovery);
  }

  @Test
  void a_run_whose_worker_was_killed_resumes_on_a_new_worker_while_the_server_runs()
      throws Exception {
    MatrixCase update = newCase("killed-update", Fault.KILL_DURING, Step.UPDATE, Expect.updated());
    writeConfig("kill-host", update);
    StewardProcess first = startWorker("kill-worker-1");
    try (TemporalConnection connection = connect()) {
      WorkflowClient client = connection.client();
      update.workflowId = startUpdate(client, update, "kill-host");
      Await.until("the update command to run", PATIENCE, () -> Files.exists(update.moved()));

      Instant killed;
      Instant workerStart;
      Instant ready;
      // Until the new worker is up, the dead attempt is kept from its heartbeat timeout, as if the
      // new worker had started within it: so nothing but the new worker can end that attempt.
      AutoCloseable beats =
          ServerRuns.keepHeartbeating(client, update.workflowId, Step.UPDATE.activity());
      try {
        first.kill();
        killed = Instant.now();
        workerStart = Instant.now();
        startWorker("kill-worker-2");
        ready = Instant.now();
      } finally {
        beats.close();
      }
      // The retry starts while the orphaned command still runs: it must wait for that command and
      // take its result, not run it again. Then the command ends by itself.
      Await.until(
          "the update command's retry to start on the new worker",
          PATIENCE,
          () ->
              ServerRuns.attempt(client, update.workflowId, Step.UPDATE.activity())
                  .filter(a -> a.getAttempt() > 1)
                  .filter(a -> a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED)
                  .isPresent());
      update.releaseUpdate();
      UpdateResult updated = result(client, update, UpdateResult.class);
      update.outcome = updated.outcome().wire();
      update.message = updated.message();

      Instant resumed = ServerRuns.nextCompletedActivity(client, update.workflowId, killed);
      Instant ended = ServerRuns.ended(client, update.workflowId);
      figure(
          "worker SIGKILL during the update command, new worker started at once: ready after"
              + " %.1f s; the run's next activity completed %.1f s and the run ended %.1f s after"
              + " the new worker's start (%.1f s after the kill)",
          ServerRuns.seconds(workerStart, ready),
          ServerRuns.seconds(workerStart, resumed),
          ServerRuns.seconds(workerStart, ended),
          ServerRuns.seconds(killed, resumed));
      assertResumedTheUpdateCommand(updated);
      // The new worker failed the dead attempt at its start; no timeout did.
      assertEquals(
          List.of(
              "worker " + first.pid() + "@kill-host died (found by the worker that replaced it)"),
          ServerRuns.retryCauses(client, update.workflowId));
    }
    assertWorldAsExpected(update);
  }

  /** The retry found the step's command already started, and never started it again. */
  private static void assertResumedTheUpdateCommand(UpdateResult result) {
    String step =
        result.steps().stream()
            .filter(s -> s.name().equals("update"))
            .map(s -> s.message())
            .findFirst()
            .orElse("(no update step)");
    assertTrue(step.contains("resumed after an interrupted attempt"), step);
  }

  private MatrixCase newCase(String id, Fault fault, PipelineStep step, Expect expect)
      throws IOException {
    MatrixCase c = new MatrixCase(tmp, id, fault, step, fault.label + " " + step.row(), expect);
    cases.add(c);
    c.prepare();
    return c;
  }

  /**
   * Starts the case's service and stops it with SIGSTOP: it runs but answers nothing, as a hung
   * process does, so a recovery finds it down, and its restart waits out the grace period for
   * SIGTERM before it kills it.
   */
  private static void hang(MatrixCase c) throws Exception {
    new ServiceActivitiesImpl().restartService(c.plan());
    Path record = c.target.state().resolve(".steward/service.json");
    long pid = new ObjectMapper().readTree(record.toFile()).get("pid").asLong();
    Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(pid)).inheritIO().start();
    assertEquals(0, stop.waitFor(), "kill -STOP " + pid);
  }

  private void writeConfig(String host, MatrixCase... targets) throws IOException {
    StringBuilder yaml =
        new StringBuilder(temporal.configSection())
            .append("host: ")
            .append(host)
            .append("\nlogs:\n  dir: ")
            .append(tmp.resolve("worker-logs"))
            .append("\ntargets:\n");
    for (MatrixCase c : targets) {
      yaml.append(c.configBlock());
    }
    config = Files.writeString(tmp.resolve("steward.yaml"), yaml.toString());
  }

  /** A {@code steward worker} process, once it says it serves; never on the sticky bypass. */
  private StewardProcess startWorker(String name) {
    StewardProcess worker =
        StewardProcess.start(
            LOGS, name, Map.of(), "-c", config.toString(), "worker", "--wait-for-server", "60");
    processes.add(worker);
    worker.awaitOutput("steward worker for host", PATIENCE);
    assertFalse(worker.stdout().contains("in-memory dev server"), worker.toString());
    return worker;
  }

  private static String startUpdate(WorkflowClient client, MatrixCase c, String host) {
    Object run = Pipelines.startUpdate(client, c.id, host, Clock.systemUTC());
    return WorkflowStub.fromTyped(run).getExecution().getWorkflowId();
  }

  /** {@code steward COMMAND TARGET --detach} as a process: prints the run's id and exits 0. */
  private String detach(String command, MatrixCase c) {
    StewardProcess detach =
        StewardProcess.start(
            LOGS, c.id + "-detach", Map.of(), "-c", config.toString(), command, c.id, "--detach");
    processes.add(detach);
    assertEquals(0, detach.exitCode(PATIENCE), detach.toString());
    String id = detach.stdout().strip();
    assertTrue(id.startsWith(command + "/" + c.id + "/"), detach.toString());
    return id;
  }

  private static <R> R result(WorkflowClient client, MatrixCase c, Class<R> type) throws Exception {
    return client
        .newUntypedWorkflowStub(c.workflowId)
        .getResult(PATIENCE.toMillis(), TimeUnit.MILLISECONDS, type);
  }

  /** The newest run of the case's target as the server lists it ({@code steward history}). */
  private static PastRun lastRun(TemporalConnection connection, MatrixCase c) {
    RunHistory history = new RunHistory(connection);
    // Visibility follows the run's end by a moment.
    Await.until(
        c.id + "'s outcome in the server's run list",
        PATIENCE,
        () -> {
          List<PastRun> runs = history.of(c.id, 1);
          return !runs.isEmpty() && runs.get(0).closed() != null;
        });
    return history.of(c.id, 1).get(0);
  }

  private static void assertWorldAsExpected(MatrixCase c) throws IOException {
    c.check();
    assertEquals(List.of(), c.problems, c.id + ": " + c.problems);
  }

  private static TemporalConnection connect() {
    return TemporalConnection.connect(
        new TemporalSettings(temporal.address(), "default", null, null, Duration.ofMinutes(1)));
  }

  /** The figures of a run resumed by a worker started at {@code workerStart}. */
  private static void figure(String what, WorkflowClient client, String run, Instant workerStart)
      throws IOException {
    figure(
        "%s: the run's next activity completed %.1f s and the run ended %.1f s after the new"
            + " worker's start; retried after: %s",
        what,
        ServerRuns.seconds(workerStart, ServerRuns.nextCompletedActivity(client, run, workerStart)),
        ServerRuns.seconds(workerStart, ServerRuns.ended(client, run)),
        ServerRuns.retryCauses(client, run));
  }

  /** Prints a measured figure and keeps it in target/real-server-figures.txt. */
  private static void figure(String format, Object... values) throws IOException {
    ServerRuns.figure(format, values);
  }
}
