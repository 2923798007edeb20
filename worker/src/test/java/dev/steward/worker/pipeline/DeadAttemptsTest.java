package dev.steward.worker.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.pipeline.LockRecord;
import dev.steward.worker.Await;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.config.ConfigFixture;
import dev.steward.worker.config.StewardConfig;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.RetryOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new worker fails the attempts its dead predecessor left running, and only those: on the real
 * server, with real processes standing for the predecessor (a running {@code sleep}, or one that
 * has exited). The test's own worker plays the predecessor by taking the attempt under that
 * process's identity; its activity waits until the test lets it end, with no heartbeat timeout, so
 * nothing but {@link DeadAttempts} can end an attempt.
 */
class DeadAttemptsTest {
  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  private static final String HOST = "dead-attempts-host";
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  @WorkflowInterface
  public interface OneStepWorkflow {
    @WorkflowMethod
    int run();
  }

  @ActivityInterface
  public interface StepActivities {
    /** Waits for the test, then says which attempt it was. */
    int step();
  }

  public static class OneStepWorkflowImpl implements OneStepWorkflow {
    @Override
    public int run() {
      return Workflow.newActivityStub(
              StepActivities.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofMinutes(10))
                  .setRetryOptions(
                      RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1)).build())
                  .build())
          .step();
    }
  }

  static class StepActivitiesImpl implements StepActivities {
    private final CountDownLatch release;

    StepActivitiesImpl(CountDownLatch release) {
      this.release = release;
    }

    @Override
    public int step() {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Activity.getExecutionContext().getInfo().getAttempt();
    }
  }

  @TempDir Path state;
  private final CountDownLatch release = new CountDownLatch(1);
  private TemporalConnection connection;
  private WorkerFactory worker;
  private Process sleep;

  @AfterEach
  void cleanUp() {
    release.countDown();
    if (worker != null) {
      worker.shutdownNow();
      worker.awaitTermination(10, TimeUnit.SECONDS);
    }
    if (connection != null) {
      connection.close();
    }
    if (sleep != null) {
      sleep.destroyForcibly();
    }
  }

  @Test
  void a_dead_predecessors_attempt_is_failed_and_retried_at_once() throws Exception {
    long dead = exitedProcess();
    WorkflowStub run = startRunTakenBy(dead + "@" + HOST, dead, null);

    assertEquals(1, deadAttempts().failIn(state));

    PendingActivityInfo retry = awaitAttempt(run, a -> a.getAttempt() == 2);
    assertEquals(
        "worker " + dead + "@" + HOST + " died (found by the worker that replaced it)",
        retry.getLastFailure().getMessage());
    assertEquals(
        DeadAttempts.FAILURE_TYPE, retry.getLastFailure().getApplicationFailureInfo().getType());
    release.countDown();
    assertEquals(2, run.getResult(PATIENCE.toSeconds(), TimeUnit.SECONDS, Integer.class));
  }

  @Test
  void a_live_predecessors_attempt_is_left_alone() throws Exception {
    sleep = new ProcessBuilder("sleep", "600").start();
    long live = sleep.pid();
    WorkflowStub run = startRunTakenBy(live + "@" + HOST, live, startMillis(sleep));

    assertEquals(0, deadAttempts().failIn(state));

    PendingActivityInfo attempt = awaitAttempt(run, a -> true);
    assertEquals(1, attempt.getAttempt());
    assertEquals(PendingActivityState.PENDING_ACTIVITY_STATE_STARTED, attempt.getState());
    release.countDown();
    assertEquals(1, run.getResult(PATIENCE.toSeconds(), TimeUnit.SECONDS, Integer.class));
  }

  @Test
  void only_a_gone_process_of_this_host_counts_as_dead() throws Exception {
    sleep = new ProcessBuilder("sleep", "600").start();
    long live = sleep.pid();
    long dead = exitedProcess();
    long self = ProcessHandle.current().pid();
    DeadAttempts attempts = deadAttempts();
    LockRecord lockOfLive = lock(live, startMillis(sleep));

    assertTrue(attempts.deadWorker(started(dead + "@" + HOST), lockOfLive).isPresent());
    assertFalse(attempts.deadWorker(started(live + "@" + HOST), lockOfLive).isPresent());
    assertFalse(attempts.deadWorker(started(self + "@" + HOST), lock(self, null)).isPresent());
    assertFalse(attempts.deadWorker(started(dead + "@other-host"), lockOfLive).isPresent());
    assertFalse(attempts.deadWorker(started("a worker elsewhere"), lockOfLive).isPresent());
    // The lock's pid, now another process than the one that took the lock: a reused pid.
    LockRecord reused = lock(live, startMillis(sleep) - 60_000);
    assertTrue(attempts.deadWorker(started(live + "@" + HOST), reused).isPresent());
    PendingActivityInfo waiting =
        started(dead + "@" + HOST).toBuilder()
            .setState(PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED)
            .build();
    assertEquals(Optional.empty(), attempts.deadWorker(waiting, lockOfLive));
  }

  @Test
  void a_lock_the_server_cannot_answer_for_never_stops_the_worker() throws Exception {
    ConfigFixture host = new ConfigFixture(state);
    StewardConfig config = host.load(ConfigFixture.MINIMAL);
    writeLock(host.state, "update/demo/unknown-to-this-server", null, exitedProcess(), null);

    assertEquals(0, deadAttempts().failIn(host.state), "a run this server never had");
    TemporalConnection closed = TemporalConnection.connect(temporal.address(), "default");
    closed.close();
    assertDoesNotThrow(
        () -> new DeadAttempts(closed.stubs(), "default", HOST).failIn(config.targets().values()));
  }

  /**
   * Starts a run whose one activity is taken by a worker with {@code identity}, and writes the
   * target's lock as that worker's process ({@code pid}, {@code startedAt}) would have.
   */
  private WorkflowStub startRunTakenBy(String identity, long pid, Long startedAt) throws Exception {
    connection = TemporalConnection.connect(temporal.address(), "default");
    WorkflowClient client = connection.client();
    String queue = "dead-attempts-" + System.nanoTime();
    worker = WorkerFactory.newInstance(client);
    worker
        .newWorker(queue, WorkerOptions.newBuilder().setIdentity(identity).build())
        .registerWorkflowImplementationTypes(OneStepWorkflowImpl.class);
    worker.getWorker(queue).registerActivitiesImplementations(new StepActivitiesImpl(release));
    worker.start();
    OneStepWorkflow typed =
        client.newWorkflowStub(
            OneStepWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(queue).setWorkflowId(queue).build());
    WorkflowClient.start(typed::run);
    WorkflowStub run = WorkflowStub.fromTyped(typed);
    awaitAttempt(run, a -> a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED);
    writeLock(state, queue, run.getExecution().getRunId(), pid, startedAt);
    return run;
  }

  private static void writeLock(Path state, String workflowId, String runId, long pid, Long at)
      throws Exception {
    Files.createDirectories(state.resolve(".steward"));
    LockRecord lock = new LockRecord(workflowId, runId, pid, at, null, Instant.now().toString());
    Files.write(state.resolve(".steward/lock.json"), new ObjectMapper().writeValueAsBytes(lock));
  }

  private PendingActivityInfo awaitAttempt(WorkflowStub run, Predicate<PendingActivityInfo> test) {
    List<PendingActivityInfo> seen = new java.util.ArrayList<>();
    return Await.value(
        "the run's activity attempt",
        PATIENCE,
        () -> {
          List<PendingActivityInfo> pending =
              connection
                  .stubs()
                  .blockingStub()
                  .describeWorkflowExecution(
                      DescribeWorkflowExecutionRequest.newBuilder()
                          .setNamespace("default")
                          .setExecution(run.getExecution())
                          .build())
                  .getPendingActivitiesList();
          seen.clear();
          seen.addAll(pending);
          return !pending.isEmpty() && test.test(pending.get(0)) ? pending.get(0) : null;
        },
        () -> "pending " + seen);
  }

  private DeadAttempts deadAttempts() {
    if (connection == null) {
      connection = TemporalConnection.connect(temporal.address(), "default");
    }
    return new DeadAttempts(connection.stubs(), "default", HOST);
  }

  private static PendingActivityInfo started(String identity) {
    return PendingActivityInfo.newBuilder()
        .setActivityId("1")
        .setState(PendingActivityState.PENDING_ACTIVITY_STATE_STARTED)
        .setLastWorkerIdentity(identity)
        .setAttempt(1)
        .build();
  }

  private static LockRecord lock(long pid, Long startedAt) {
    return new LockRecord("update/demo/x", null, pid, startedAt, null, Instant.now().toString());
  }

  /** The pid of a process that has exited: Linux reuses it only once its pids wrap around. */
  private static long exitedProcess() throws Exception {
    Process done = new ProcessBuilder("true").start();
    assertEquals(0, done.waitFor());
    return done.pid();
  }

  private static Long startMillis(Process process) {
    return process.toHandle().info().startInstant().map(Instant::toEpochMilli).orElseThrow();
  }
}
