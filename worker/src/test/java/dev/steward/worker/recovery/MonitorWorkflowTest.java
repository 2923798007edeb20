package dev.steward.worker.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.service.ServiceProbe;
import dev.steward.worker.Await;
import dev.steward.worker.HttpReceiver;
import dev.steward.worker.Pipelines;
import dev.steward.worker.TestTarget;
import dev.steward.worker.update.HistoryRecorder;
import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.monitor.MonitorState;
import dev.steward.workflows.monitor.MonitorWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** The monitor against a real service: detection, recovery, heartbeat, and no loops. */
class MonitorWorkflowTest {
  private static final long WAIT_MILLIS = 120_000;

  @TempDir Path tmp;
  private HttpReceiver http;
  private RecoveryHarness harness;
  private boolean timeSkipping;

  @BeforeEach
  void start() throws Exception {
    http = HttpReceiver.start();
  }

  @AfterEach
  void stop() {
    try {
      if (harness != null) {
        harness.close();
      }
    } finally {
      http.close();
    }
  }

  @Test
  void detects_a_killed_service_restarts_it_and_pings_the_heartbeat_in_order(TestInfo test)
      throws Exception {
    harness = new RecoveryHarness(tmp, timeSkipping = false);
    harness.target.withConfig(
        "    monitor:\n      every: 1s\n      downAfter: 2\n"
            + "    heartbeat:\n      url: "
            + http.url("/ping/abc")
            + "\n");
    harness.startHealthy();
    MonitorWorkflow monitor = startMonitor();
    awaitState(monitor, s -> s.cycles() >= 1);

    harness.killService();
    long killed = System.nanoTime();
    MonitorState recovered =
        awaitState(monitor, s -> s.lastRecovery() != null && s.latest().up() && s.downCount() == 0);
    double seconds = (System.nanoTime() - killed) / 1e9;
    awaitState(monitor, s -> s.cycles() >= recovered.cycles() + 1);

    assertTrue(
        recovered.lastRecovery().startsWith("restarted recover/demo/"), recovered.toString());
    String recoveryId = recovered.lastRecovery().substring("restarted ".length());
    SearchAttributes labels =
        harness
            .env
            .getWorkflowClient()
            .newUntypedWorkflowStub(recoveryId)
            .describe()
            .getTypedSearchAttributes();
    assertEquals("recovery", labels.get(StewardSearchAttributes.KIND), "listed by history");
    assertEquals("restarted", labels.get(StewardSearchAttributes.OUTCOME));
    assertTrue(ServiceProbe.once(harness.plan()).healthy());
    assertEquals(List.of("/ping/abc", "/ping/abc/fail", "/ping/abc"), pingSequence());
    System.out.printf(Locale.ROOT, "monitor: kill -> healthy in %.1f s%n", seconds);
    HistoryRecorder.recordIfAsked(
        harness.env.getWorkflowClient(),
        test,
        WorkflowStub.fromTyped(monitor).getExecution().getWorkflowId());
  }

  @Test
  void does_not_loop_on_a_service_that_cannot_be_saved_and_alerts_only_once() throws Exception {
    // Real time, short durations: on the test server with time skipping, the monitor's timer
    // stopped firing after a recovery whose (abandoned) notification child was still running.
    harness = new RecoveryHarness(tmp, timeSkipping = false);
    harness.target.withConfig(
        "    provider:\n      status: "
            + http.statusPage("/status.json", "critical").url("/status.json")
            + "\n    recovery:\n      waitForProvider: 2s\n"
            + "    monitor:\n      every: 1s\n      downAfter: 2\n      cooldown: 3s\n"
            + "      maxRecoveries: 2\n      recoveryWindow: 1h\n"
            + "    notify:\n      channels:\n        - webhook: "
            + http.url("/hook")
            + "\n");
    harness.startHealthy();
    harness.corruptData();
    harness.killService();

    MonitorWorkflow monitor = startMonitor();
    MonitorState state = awaitState(monitor, s -> s.cycles() >= 14);

    assertEquals(2, state.recoveries().size(), state.toString());
    assertTrue(state.lastRecovery().startsWith("waiting_for_provider"), state.toString());
    assertEquals(1, notices("demo: up alert"), "one alert for the whole incident");
    assertEquals(2, notices("demo: recovery waiting for provider"));
  }

  @Test
  void keeps_running_through_a_config_the_host_cannot_read_and_measures_again_once_fixed()
      throws Exception {
    harness = new RecoveryHarness(tmp, timeSkipping = false);
    harness.target.withConfig("    monitor:\n      every: 1s\n");
    harness.startHealthy();
    MonitorWorkflow monitor = startMonitor();
    awaitState(monitor, s -> s.cycles() >= 1);
    String config = Files.readString(harness.target.config());

    Files.writeString(harness.target.config(), "targets: [this is, not, a map]\n");
    String workflowId = WorkflowStub.fromTyped(monitor).getExecution().getWorkflowId();
    awaitRefusal(workflowId);
    long cyclesWhileBroken = monitor.state().cycles();
    Files.writeString(harness.target.config(), config);
    MonitorState fixed = awaitState(monitor, s -> s.cycles() > cyclesWhileBroken);

    assertTrue(fixed.latest().up(), fixed.toString());
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
        harness.env.getWorkflowClient().newUntypedWorkflowStub(workflowId).describe().getStatus());
  }

  /** Waits until the host refused one of the monitor's steps (recorded in its history). */
  private void awaitRefusal(String workflowId) {
    Await.until(
        "the host to refuse a step of " + workflowId,
        Duration.ofMillis(WAIT_MILLIS),
        () ->
            harness.env.getWorkflowClient().fetchHistory(workflowId).getEvents().stream()
                .filter(HistoryEvent::hasActivityTaskFailedEventAttributes)
                .map(e -> e.getActivityTaskFailedEventAttributes().getFailure().getMessage())
                .anyMatch(message -> message.contains("refused, nothing was run")));
  }

  private MonitorWorkflow startMonitor() {
    return Pipelines.startMonitor(
        harness.env.getWorkflowClient(),
        TestTarget.NAME,
        RecoveryHarness.HOST,
        false,
        Clock.systemUTC());
  }

  /**
   * Polls the monitor's state. With time skipping, the test server only moves its clock while the
   * test waits through it, so each poll lets a little workflow time pass.
   */
  private MonitorState awaitState(MonitorWorkflow monitor, Predicate<MonitorState> condition)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    MonitorState state = null;
    while (System.currentTimeMillis() < deadline) {
      try {
        state = monitor.state();
        if (state != null && state.latest() != null && condition.test(state)) {
          return state;
        }
      } catch (RuntimeException notYet) {
        // Between runs (continue-as-new) or before the first task: ask again.
      }
      if (timeSkipping) {
        harness.env.sleep(Duration.ofMinutes(1));
      } else {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the monitor never reached the state; last: " + state);
  }

  /** The heartbeat paths in order, repeats folded: what an offsite monitor saw change. */
  private List<String> pingSequence() {
    List<String> sequence = new ArrayList<>();
    for (HttpReceiver.Request request : http.all()) {
      if (request.path().startsWith("/ping")
          && (sequence.isEmpty() || !sequence.get(sequence.size() - 1).equals(request.path()))) {
        sequence.add(request.path());
      }
    }
    return sequence;
  }

  private long notices(String title) throws Exception {
    ObjectMapper json = new ObjectMapper();
    long count = 0;
    for (HttpReceiver.Request request : http.all()) {
      if (request.path().equals("/hook")
          && json.readTree(request.body()).get("title").asText().equals(title)) {
        count++;
      }
    }
    return count;
  }
}
