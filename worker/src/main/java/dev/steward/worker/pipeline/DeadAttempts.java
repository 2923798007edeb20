package dev.steward.worker.pipeline;

import dev.steward.activities.pipeline.LockFile;
import dev.steward.activities.pipeline.LockRecord;
import dev.steward.activities.pipeline.WorkerProcess;
import dev.steward.activities.process.ProcessStart;
import dev.steward.workflows.host.TargetPlan;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.failure.v1.ApplicationFailureInfo;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.ResetStickyTaskQueueRequest;
import io.temporal.api.workflowservice.v1.RespondActivityTaskFailedByIdRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails at once the activity attempts that a dead worker of this host left running in the runs that
 * hold this host's targets, so the server retries them now, on the worker that replaced it, instead
 * of when their heartbeat or start-to-close timeout runs out (10 s and more).
 *
 * <p>Only the runs named in the targets' lock files are looked at, and only attempts whose worker
 * identity ({@link #identity}: {@code pid@host}) names this host and a process that is gone: no
 * such pid, or the lock's pid with another start time (a reused pid). An attempt of a live process,
 * of another host, or of this JVM is never touched. The server fails whatever attempt is current
 * when the call arrives; a newer one can only have started after the dead one's timeout and a 1 s
 * retry interval, far longer than the moment between looking and failing.
 */
public final class DeadAttempts {
  /** The failure type of an attempt failed here (retryable: the retry is the point). */
  public static final String FAILURE_TYPE = "WorkerDied";

  private static final Logger log = LoggerFactory.getLogger(DeadAttempts.class);
  private static final long DEADLINE_SECONDS = 10;
  private static final Pattern IDENTITY = Pattern.compile("(\\d+)@(.+)");
  // What the SDK's default identity names (pid@hostname): a worker older than identity() used it.
  private static final String MACHINE =
      ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^[^@]*@", "");

  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private final String host;

  public DeadAttempts(WorkflowServiceStubs stubs, String namespace, String host) {
    this.stubs = stubs;
    this.namespace = namespace;
    this.host = host;
  }

  /**
   * The identity a Steward worker of {@code host} gives the server: this JVM's pid and the host.
   */
  public static String identity(String host) {
    return ProcessHandle.current().pid() + "@" + host;
  }

  /**
   * Fails the dead workers' attempts in the runs holding {@code targets}. Never throws: what cannot
   * be checked is logged in one line and left to its timeout.
   */
  public void failIn(Collection<TargetPlan> targets) {
    for (TargetPlan target : targets) {
      try {
        failIn(Path.of(target.state()));
      } catch (Exception e) {
        log.warn(
            "target {}: could not look for attempts a dead worker left running ({}); they are"
                + " retried when they time out",
            target.target(),
            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      }
    }
  }

  /** Fails the dead workers' attempts in the run whose lock is under {@code state}; how many. */
  int failIn(Path state) throws IOException {
    Optional<LockRecord> held = new LockFile(state).read();
    if (held.isEmpty()) {
      return 0;
    }
    LockRecord lock = held.get();
    WorkflowExecution.Builder run = WorkflowExecution.newBuilder().setWorkflowId(lock.workflowId());
    if (lock.runId() != null) {
      run.setRunId(lock.runId());
    }
    DescribeWorkflowExecutionResponse described;
    try {
      described =
          call()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(run)
                      .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return 0; // Another server's run (an embedded one's): no attempt of it is on this server.
      }
      throw e;
    }
    WorkflowExecution execution = described.getWorkflowExecutionInfo().getExecution();
    int failed = 0;
    for (PendingActivityInfo attempt : described.getPendingActivitiesList()) {
      Optional<String> dead = deadWorker(attempt, lock);
      if (dead.isPresent() && fail(execution, attempt, dead.get())) {
        failed++;
      }
    }
    if (failed > 0) {
      resetSticky(execution);
    }
    return failed;
  }

  /** The identity of the dead worker running {@code attempt}; empty when it may be alive. */
  Optional<String> deadWorker(PendingActivityInfo attempt, LockRecord lock) {
    if (attempt.getState() != PendingActivityState.PENDING_ACTIVITY_STATE_STARTED) {
      return Optional.empty();
    }
    String identity = attempt.getLastWorkerIdentity();
    Matcher m = IDENTITY.matcher(identity);
    if (!m.matches() || !(m.group(2).equals(host) || m.group(2).equals(MACHINE))) {
      return Optional.empty();
    }
    long pid = Long.parseLong(m.group(1));
    WorkerProcess worker =
        pid == lock.pid()
            ? WorkerProcess.lockTaker(lock)
            : new WorkerProcess(pid, new ProcessStart(null, null));
    return worker.isThisJvm() || worker.isAlive() ? Optional.empty() : Optional.of(identity);
  }

  /** Fails the attempt; false when it had ended meanwhile (its timeout came first). */
  private boolean fail(WorkflowExecution execution, PendingActivityInfo attempt, String worker) {
    String message = "worker " + worker + " died (found by the worker that replaced it)";
    try {
      respondFailed(execution, attempt, message);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false;
      }
      throw e;
    }
    log.info(
        "{}: failed attempt {} of {}: {}, so it is retried now",
        execution.getWorkflowId(),
        attempt.getAttempt(),
        attempt.getActivityType().getName(),
        message);
    return true;
  }

  private void respondFailed(
      WorkflowExecution execution, PendingActivityInfo attempt, String message) {
    call()
        .respondActivityTaskFailedById(
            RespondActivityTaskFailedByIdRequest.newBuilder()
                .setNamespace(namespace)
                .setWorkflowId(execution.getWorkflowId())
                .setRunId(execution.getRunId())
                .setActivityId(attempt.getActivityId())
                .setIdentity(identity(host))
                .setFailure(
                    Failure.newBuilder()
                        .setMessage(message)
                        .setSource("steward")
                        .setApplicationFailureInfo(
                            ApplicationFailureInfo.newBuilder().setType(FAILURE_TYPE)))
                .build());
  }

  /**
   * The dead worker most likely also held the run's workflow tasks in its sticky queue: send the
   * next one to the shared queue, or a real server waits 5 s for a poller that never comes. Only a
   * hint: the in-memory test server does not implement it (it needs no sticky queues anyway).
   */
  private void resetSticky(WorkflowExecution execution) {
    try {
      call()
          .resetStickyTaskQueue(
              ResetStickyTaskQueueRequest.newBuilder()
                  .setNamespace(namespace)
                  .setExecution(execution)
                  .build());
    } catch (StatusRuntimeException e) {
      log.debug("{}: sticky queue not reset: {}", execution.getWorkflowId(), e.getMessage());
    }
  }

  private WorkflowServiceBlockingStub call() {
    return stubs.blockingStub().withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
  }
}
