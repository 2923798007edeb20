package dev.steward.activities.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan and the one-pipeline-per-target lock, against the real Temporal test server. */
class PipelineActivitiesImplTest {
  private static final String QUEUE = "lock-test";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Stands in for a running pipeline: it runs until signalled. */
  @WorkflowInterface
  public interface HoldingWorkflow {
    @WorkflowMethod
    void hold();

    @SignalMethod
    void release();
  }

  public static class HoldingWorkflowImpl implements HoldingWorkflow {
    private boolean released;

    @Override
    public void hold() {
      Workflow.await(() -> released);
    }

    @Override
    public void release() {
      released = true;
    }
  }

  @TempDir Path tmp;
  Path state;
  TestWorkflowEnvironment env;
  PipelineActivitiesImpl activities;
  TargetPlan plan;

  @BeforeEach
  void start() throws Exception {
    state = Files.createDirectories(tmp.resolve("state"));
    TargetPlan demo =
        new TargetPlan(
            "demo",
            "test-host",
            tmp.resolve("app").toString(),
            state.toString(),
            null,
            null,
            0,
            null,
            List.of(),
            null);
    PlanSource hostConfig =
        target -> {
          if (!target.equals("demo")) {
            throw new PlanSource.NoPlanException(
                "no target \"" + target + "\" in steward.yaml (known: demo)");
          }
          return demo;
        };
    env = TestWorkflowEnvironment.newInstance();
    env.newWorker(QUEUE).registerWorkflowImplementationTypes(HoldingWorkflowImpl.class);
    env.start();
    activities = new PipelineActivitiesImpl(hostConfig, env.getWorkflowClient());
    plan = activities.resolvePlan("demo");
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private HoldingWorkflow startHolder(String workflowId) {
    HoldingWorkflow holder =
        env.getWorkflowClient()
            .newWorkflowStub(
                HoldingWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue(QUEUE).build());
    WorkflowClient.start(holder::hold);
    return holder;
  }

  private Path lockFile() {
    return state.resolve(".steward/lock.json");
  }

  private String lockHolder() throws Exception {
    return JSON.readTree(lockFile().toFile()).get("workflowId").asText();
  }

  @Test
  void refuses_a_second_pipeline_while_the_holder_runs_then_takes_over_when_it_ends()
      throws Exception {
    String first = "update/demo/2026-11-29T03:04:05.123Z";
    HoldingWorkflow holder = startHolder(first);
    activities.acquireLock(plan, first);

    var busy =
        assertThrows(
            ApplicationFailure.class, () -> activities.acquireLock(plan, "update/demo/second"));
    assertEquals(FailureTypes.TARGET_BUSY, busy.getType());
    assertTrue(busy.isNonRetryable());
    assertEquals(
        "target demo is busy: update/demo/2026-11-29T03:04:05.123Z is running (wait for it, or"
            + " follow it with: steward follow update/demo/2026-11-29T03:04:05.123Z)",
        busy.getOriginalMessage());
    assertEquals(first, lockHolder());

    holder.release();
    WorkflowStub.fromTyped(holder).getResult(10, TimeUnit.SECONDS, Void.class);
    activities.acquireLock(plan, "update/demo/second");
    assertEquals("update/demo/second", lockHolder());
  }

  @Test
  void lets_exactly_one_of_two_pipelines_racing_for_a_free_target_take_it() throws Exception {
    startHolder("update/demo/a");
    startHolder("update/demo/b");
    ExecutorService racers = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch ready = new CountDownLatch(2);
      List<Future<String>> results = new ArrayList<>();
      for (String id : List.of("update/demo/a", "update/demo/b")) {
        results.add(racers.submit(() -> race(ready, id)));
      }
      List<String> outcomes = new ArrayList<>();
      for (Future<String> result : results) {
        outcomes.add(result.get(30, TimeUnit.SECONDS));
      }
      assertEquals(
          1, outcomes.stream().filter(o -> o.equals("took it")).count(), outcomes::toString);
      String winner = lockHolder();
      assertTrue(
          outcomes.contains(
              "busy: target demo is busy: "
                  + winner
                  + " is running"
                  + " (wait for it, or follow it with: steward follow "
                  + winner
                  + ")"),
          outcomes::toString);
    } finally {
      racers.shutdownNow();
    }
  }

  private String race(CountDownLatch ready, String workflowId) throws InterruptedException {
    ready.countDown();
    ready.await();
    try {
      activities.acquireLock(plan, workflowId);
      return "took it";
    } catch (ApplicationFailure busy) {
      return "busy: " + busy.getOriginalMessage();
    }
  }

  @Test
  void lets_the_holder_take_its_own_lock_again_on_a_retry() throws Exception {
    activities.acquireLock(plan, "update/demo/1");
    String acquiredAt = JSON.readTree(lockFile().toFile()).get("acquiredAt").asText();

    activities.acquireLock(plan, "update/demo/1");

    var lock = JSON.readTree(lockFile().toFile());
    assertEquals("update/demo/1", lock.get("workflowId").asText());
    assertEquals(acquiredAt, lock.get("acquiredAt").asText());
    assertEquals(ProcessHandle.current().pid(), lock.get("pid").asLong());
  }

  @Test
  void releases_only_its_own_lock() throws Exception {
    activities.acquireLock(plan, "update/demo/1");

    activities.releaseLock(plan, "update/demo/other");
    assertEquals("update/demo/1", lockHolder());

    activities.releaseLock(plan, "update/demo/1");
    assertFalse(Files.exists(lockFile()));
    activities.releaseLock(plan, "update/demo/1");
  }

  @Test
  void treats_a_lock_unknown_to_the_server_as_busy_while_the_process_that_took_it_lives()
      throws Exception {
    Process otherSteward = new ProcessBuilder("sleep", "60").start();
    try {
      long started = otherSteward.info().startInstant().orElseThrow().toEpochMilli();
      writeLock("update/demo/elsewhere", otherSteward.pid(), started);

      var busy =
          assertThrows(
              ApplicationFailure.class, () -> activities.acquireLock(plan, "update/demo/2"));
      assertEquals(
          "target demo is busy: update/demo/elsewhere is running in Steward process "
              + otherSteward.pid()
              + " on another Temporal server (wait for it to finish)",
          busy.getOriginalMessage());
    } finally {
      otherSteward.destroyForcibly().waitFor();
    }
    activities.acquireLock(plan, "update/demo/2");
    assertEquals("update/demo/2", lockHolder());
  }

  @Test
  void takes_over_a_lock_whose_process_was_replaced_by_another_with_the_same_pid()
      throws Exception {
    Process reused = new ProcessBuilder("sleep", "60").start();
    try {
      long started = reused.info().startInstant().orElseThrow().toEpochMilli();
      writeLock("update/demo/old", reused.pid(), started - 60_000);

      activities.acquireLock(plan, "update/demo/3");
      assertEquals("update/demo/3", lockHolder());
    } finally {
      reused.destroyForcibly().waitFor();
    }
  }

  private void writeLock(String workflowId, long pid, long startedAt) throws Exception {
    Files.createDirectories(lockFile().getParent());
    Files.writeString(
        lockFile(),
        String.format(
            "{\"workflowId\": \"%s\", \"runId\": null, \"pid\": %d, \"pidStartedAtMillis\": %d,"
                + " \"acquiredAt\": \"2026-11-29T03:04:05Z\"}",
            workflowId, pid, startedAt));
  }

  @Test
  void refuses_a_target_the_host_config_gives_no_plan_for_without_retrying() {
    var failure = assertThrows(ApplicationFailure.class, () -> activities.resolvePlan("blog"));
    assertEquals(FailureTypes.CONFIG_INVALID, failure.getType());
    assertTrue(failure.isNonRetryable());
    assertEquals("no target \"blog\" in steward.yaml (known: demo)", failure.getOriginalMessage());
  }
}
