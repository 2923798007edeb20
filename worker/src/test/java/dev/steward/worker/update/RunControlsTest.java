package dev.steward.worker.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Await;
import dev.steward.worker.Pipelines;
import dev.steward.worker.StewardTestServers;
import dev.steward.worker.StewardWorker;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.pipeline.StepResult;
import dev.steward.workflows.pipeline.StepStatus;
import dev.steward.workflows.update.ApprovalDecision;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateRequest;
import dev.steward.workflows.update.UpdateResult;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintenance window and approval, with the real activities against a real target, on the test
 * server with time skipping: waiting hours for a window or an answer takes no real time.
 */
class RunControlsTest {
  private static final String HOST = "test-host";
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  @TempDir Path tmp;
  private TestTarget target;
  private TestWorkflowEnvironment env;
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();

  @BeforeEach
  void startTargetAndWorker() throws Exception {
    target = TestTarget.create(tmp);
    env = TestWorkflowEnvironment.newInstance();
    StewardTestServers.registerSearchAttributes(env);
    StewardWorker.register(
        env::newWorker,
        env.getWorkflowClient(),
        () -> ConfigLoader.forThisMachine().load(target.config()),
        HOST);
    env.start();
    service.restartService(plan());
  }

  @AfterEach
  void stopEverything() {
    service.stopService(plan());
    env.close();
  }

  @Test
  void a_run_outside_the_window_told_not_to_wait_ends_skipped_changing_nothing() throws Exception {
    target.withConfig(windowOpeningInHours(3));
    String before = target.revision();
    target.publish("healthy v2");

    UpdateResult result = run(new UpdateRequest(TestTarget.NAME, HOST, false));

    assertEquals(UpdateOutcome.SKIPPED, result.outcome(), result.message());
    assertTrue(result.message().startsWith("outside the maintenance window"), result.message());
    assertEquals(before, target.revision());
    assertFalse(Files.exists(target.statusFile()), "a skipped run leaves the status file alone");
  }

  @Test
  void a_run_outside_the_window_waits_for_it_then_updates() throws Exception {
    target.withConfig(windowOpeningInHours(3));
    String next = target.publish("healthy v2");

    UpdateResult result = run(new UpdateRequest(TestTarget.NAME, HOST));

    assertEquals(UpdateOutcome.UPDATED, result.outcome(), result.message());
    assertEquals(next, target.revision());
    assertTrue(
        result.steps().stream()
            .anyMatch(s -> s.message().startsWith("waited for the maintenance window to open")),
        result.steps().toString());
    assertEquals("still open", step(result, "window").message());
  }

  @Test
  void an_approved_run_restarts_and_a_second_answer_is_refused() throws Exception {
    target.withConfig("    approval: {required: true, timeout: 12h}\n");
    String next = target.publish("healthy v2");
    UpdateWorkflow run = start();
    awaitStep(run, "approval");

    String answer = run.decide(new ApprovalDecision(true, "ops", null));
    WorkflowUpdateException late =
        assertThrows(
            WorkflowUpdateException.class,
            () -> run.decide(new ApprovalDecision(false, "ops", "changed my mind")));
    UpdateResult result = WorkflowStub.fromTyped(run).getResult(UpdateResult.class);

    assertEquals("approved: the run goes on to restart", answer);
    assertTrue(rootMessage(late).contains("already approved"), rootMessage(late));
    assertEquals(UpdateOutcome.UPDATED, result.outcome(), result.message());
    assertEquals(next, target.revision());
  }

  @Test
  void a_rejected_run_rolls_back_code_and_data() throws Exception {
    target.withConfig("    approval: {required: true, timeout: 12h}\n");
    String before = target.revision();
    String data = target.stateDigest();
    target.publish("healthy v2 migrate");
    UpdateWorkflow run = start();
    awaitStep(run, "approval");

    run.decide(new ApprovalDecision(false, "ops", "not during the launch"));
    UpdateResult result = WorkflowStub.fromTyped(run).getResult(UpdateResult.class);

    assertEquals(UpdateOutcome.ROLLED_BACK, result.outcome(), result.message());
    assertEquals("rejected by ops: not during the launch", step(result, "approval").message());
    assertEquals(before, target.revision());
    assertEquals(data, target.stateDigest());
  }

  @Test
  void a_run_nobody_answers_rolls_back_after_the_timeout() throws Exception {
    target.withConfig("    approval: {required: true, timeout: 12h}\n");
    String before = target.revision();
    target.publish("healthy v2");

    UpdateResult result = run(new UpdateRequest(TestTarget.NAME, HOST));

    assertEquals(UpdateOutcome.ROLLED_BACK, result.outcome(), result.message());
    assertEquals("no approval within 720 min", step(result, "approval").message());
    assertEquals(before, target.revision());
  }

  @Test
  void an_answer_to_a_run_that_is_not_waiting_is_refused() throws Exception {
    Path gate = Files.writeString(tmp.resolve("gate"), "the run stays at its update\n");
    // The update command runs while the gate exists (at most 25 s, within the update timeout).
    target.updateCommand(
        "["
            + target.script(
                "gated.sh",
                "for i in $(seq 250); do [ -f " + gate + " ] || exit 0; sleep 0.1; done")
            + "]");
    target.withConfig("    approval: {required: true, timeout: 12h}\n");
    UpdateWorkflow run = start();
    awaitStep(run, "update");

    WorkflowUpdateException early =
        assertThrows(
            WorkflowUpdateException.class,
            () -> run.decide(new ApprovalDecision(true, "ops", null)));
    Files.delete(gate);

    assertTrue(rootMessage(early).contains("not waiting for approval"), rootMessage(early));
    WorkflowStub.fromTyped(run).cancel();
  }

  /** A daily window that opens {@code hours} from now (UTC) and lasts two hours. */
  private static String windowOpeningInHours(int hours) {
    ZonedDateTime opens = ZonedDateTime.now(ZoneOffset.UTC).plusHours(hours);
    return "    window: {from: \""
        + opens.format(HH_MM)
        + "\", to: \""
        + opens.plusHours(2).format(HH_MM)
        + "\", timezone: UTC}\n";
  }

  private UpdateWorkflow start() {
    return Pipelines.startUpdate(
        env.getWorkflowClient(), new UpdateRequest(TestTarget.NAME, HOST), Clock.systemUTC());
  }

  private UpdateResult run(UpdateRequest request) {
    UpdateWorkflow run = Pipelines.startUpdate(env.getWorkflowClient(), request, Clock.systemUTC());
    return WorkflowStub.fromTyped(run).getResult(UpdateResult.class);
  }

  /** Waits, in real time, until the run is at {@code name}. */
  private static void awaitStep(UpdateWorkflow run, String name) {
    Await.until(
        "the run to be at step " + name,
        Duration.ofSeconds(60),
        () -> {
          var steps = run.progress();
          return !steps.isEmpty()
              && steps.get(steps.size() - 1).name().equals(name)
              && steps.get(steps.size() - 1).status().equals(StepStatus.RUNNING);
        },
        () -> String.valueOf(run.progress()));
  }

  private TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }

  private static StepResult step(UpdateResult result, String name) {
    return result.steps().stream()
        .filter(s -> s.name().equals(name))
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("no step " + name + " in " + result.steps()));
  }

  private static String rootMessage(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
