package dev.steward.worker.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Await;
import dev.steward.worker.Pipelines;
import dev.steward.worker.StewardTestServers;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.pipeline.StepResult;
import dev.steward.workflows.pipeline.StepStatus;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Temporal web UI shows of an update run, read the way the UI reads it, on the test server
 * with the real activities and a real service process: each activity's summary in the history, and
 * the current details while the health step waits.
 */
class WebUiTest {
  private static final String HOST = "test-host";

  @TempDir Path tmp;
  private TestTarget target;
  private TestWorkflowEnvironment env;
  private WorkerFactory worker;
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();

  @BeforeEach
  void startTargetAndWorker() throws Exception {
    target = TestTarget.create(tmp);
    env = StewardTestServers.newEnvironment(false);
    worker = StewardTestServers.startWorker(env, target.config(), HOST);
    service.restartService(plan());
    assertTrue(service.verifyHealth(plan()).healthy(), "the first release should be healthy");
  }

  @AfterEach
  void stopEverything() throws Exception {
    service.stopService(plan());
    worker.shutdownNow();
    worker.awaitTermination(5, TimeUnit.SECONDS);
    env.close();
  }

  @Test
  void every_activity_of_a_rolled_back_update_says_what_it_does_in_history() throws Exception {
    String before = target.revision();
    target.publish("never-healthy");
    UpdateWorkflow run = start();

    UpdateResult result = WorkflowStub.fromTyped(run).getResult(UpdateResult.class);

    assertEquals(UpdateOutcome.ROLLED_BACK, result.outcome(), result.message());
    List<String> summaries = activitySummaries(result.workflowId());
    assertFalse(summaries.contains(""), "an activity without a summary: " + summaries);
    for (String expected :
        List.of(
            "Read the plan of demo",
            "Lock demo",
            "Snapshot demo state",
            "Update demo code (git origin/main)",
            "Restart demo (process)",
            "Verify demo health (2 s stable)",
            "Stop demo (process)",
            "Roll demo code back to " + before.substring(0, 7),
            "Unlock demo")) {
      assertTrue(summaries.contains(expected), expected + " not in " + summaries);
    }
    assertTrue(
        summaries.stream().anyMatch(s -> s.startsWith("Restore demo state from ")), "" + summaries);
  }

  @Test
  void current_details_count_the_stable_seconds_while_health_is_verified() throws Exception {
    // Long enough to watch: the shared target's 2 s would be over before a report is due; a
    // generous timeout, as a python service may take seconds to answer on a loaded machine.
    Files.writeString(
        target.config(),
        Files.readString(target.config())
            .replace("stableFor: 2s", "stableFor: 8s")
            .replace("timeout: 10s", "timeout: 60s"));
    target.publish("healthy v2");
    UpdateWorkflow run = start();
    WorkflowStub stub = WorkflowStub.fromTyped(run);

    String details = awaitDetails(stub, "[1-8] s of 8 s stable");
    List<StepResult> progress = run.progress();
    UpdateResult result = stub.getResult(UpdateResult.class);

    assertTrue(details.matches("\\d+/\\d+ verifying health: [1-8] s of 8 s stable"), details);
    StepResult running = progress.get(progress.size() - 1);
    assertEquals("health", running.name(), "the progress query names the running step");
    assertEquals(StepStatus.RUNNING, running.status());
    assertEquals(UpdateOutcome.UPDATED, result.outcome(), result.message());
    long healthMillis = step(result, "health").durationMs();
    long signals = events(result.workflowId(), EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED);
    assertTrue(signals >= 1, "the health wait reported its progress");
    assertTrue(
        signals <= healthMillis / 2000 + 1,
        signals + " progress signals in " + healthMillis + " ms: more than one per 2 s");
    System.out.printf(
        Locale.ROOT,
        "web ui: %d progress signals, %d events in all, health wait %d ms%n",
        signals,
        history(result.workflowId()).size(),
        healthMillis);
  }

  private UpdateWorkflow start() {
    return Pipelines.startUpdate(env.getWorkflowClient(), TestTarget.NAME, HOST, Clock.systemUTC());
  }

  /** Polls the details the web UI shows (the SDK's metadata query) until they match. */
  private static String awaitDetails(WorkflowStub stub, String regex) {
    String[] details = {""};
    return Await.value(
        "the run's current details to match " + regex,
        Duration.ofMinutes(1),
        () -> {
          details[0] =
              stub.query(WorkflowClient.QUERY_TYPE_WORKFLOW_METADATA, WorkflowMetadata.class)
                  .getCurrentDetails();
          return details[0].matches(".*" + regex) ? details[0] : null;
        },
        () -> details[0]);
  }

  private List<String> activitySummaries(String workflowId) {
    return history(workflowId).stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .map(
            e ->
                e.getUserMetadata().hasSummary()
                    ? DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                        e.getUserMetadata().getSummary(), String.class, String.class)
                    : "")
        .toList();
  }

  private long events(String workflowId, EventType type) {
    return history(workflowId).stream().filter(e -> e.getEventType() == type).count();
  }

  private List<HistoryEvent> history(String workflowId) {
    return env.getWorkflowClient().fetchHistory(workflowId).getEvents();
  }

  private static StepResult step(UpdateResult result, String name) {
    return result.steps().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + name + " in " + result.steps()));
  }

  private TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }
}
