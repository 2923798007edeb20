package dev.steward.activities.pipeline;

import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.PipelineActivities;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves plans from the host's steward.yaml ({@link PlanSource}) and keeps one maintenance
 * pipeline per target. The lock lives in the target's state directory, {@code
 * <state>/.steward/lock.json}, so every worker and every Steward process on the host sees the same
 * one.
 */
public final class PipelineActivitiesImpl implements PipelineActivities {
  private static final Logger log = LoggerFactory.getLogger(PipelineActivitiesImpl.class);

  private final PlanSource plans;
  private final LockHolders holders;

  /**
   * @param plans the host's plans, from its current steward.yaml
   * @param client asked whether the workflow named in a lock still runs
   */
  public PipelineActivitiesImpl(PlanSource plans, WorkflowClient client) {
    this.plans = plans;
    this.holders = new LockHolders(client);
  }

  @Override
  public TargetPlan resolvePlan(String target) {
    try {
      return plans.plan(target);
    } catch (PlanSource.NoPlanException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.CONFIG_INVALID);
    }
  }

  @Override
  public void acquireLock(TargetPlan plan, String workflowId) {
    LockFile lock = lockOf(plan);
    try {
      lock.guarded(() -> take(lock, plan, workflowId));
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  private Void take(LockFile lock, TargetPlan plan, String workflowId) throws IOException {
    Optional<LockRecord> held = lock.read();
    String acquiredAt = Instant.now().toString();
    if (held.isPresent() && held.get().workflowId().equals(workflowId)) {
      acquiredAt = held.get().acquiredAt(); // A retry of the holder: it keeps its lock.
    } else if (held.isPresent()) {
      refuseIfRunning(plan.target(), held.get());
      log.info("target {}: taking over the lock {} left behind", plan.target(), held.get());
    }
    WorkerProcess self = WorkerProcess.current();
    lock.write(
        new LockRecord(
            workflowId,
            runId(),
            self.pid(),
            self.start().epochMillis(),
            self.start().ticks(),
            acquiredAt));
    return null;
  }

  private void refuseIfRunning(String target, LockRecord held) {
    String id = held.workflowId();
    String message =
        switch (holders.check(held)) {
          case RUNNING ->
              String.format(
                  "target %s is busy: %s is running (wait for it, or follow it with: steward follow %s)",
                  target, id, id);
          case RUNNING_ELSEWHERE ->
              String.format(
                  "target %s is busy: %s is running in Steward process %d on another Temporal server"
                      + " (wait for it to finish)",
                  target, id, held.pid());
          case ENDED, GONE -> null;
        };
    if (message != null) {
      throw ApplicationFailure.newNonRetryableFailure(message, FailureTypes.TARGET_BUSY);
    }
  }

  @Override
  public void releaseLock(TargetPlan plan, String workflowId) {
    // No state check here: with the state directory gone there is no lock left to release.
    LockFile lock = new LockFile(Path.of(plan.state()));
    if (!Files.exists(lock.path())) {
      return;
    }
    try {
      lock.guarded(
          () -> {
            Optional<LockRecord> held = lock.read();
            if (held.isPresent() && held.get().workflowId().equals(workflowId)) {
              lock.delete();
            }
            return null;
          });
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  /** What the target's lock file says, for people: empty when no pipeline holds it. */
  public static Optional<LockRecord> holderOf(Path state) {
    try {
      return new LockFile(state).read();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static LockFile lockOf(TargetPlan plan) {
    Path state = Path.of(plan.state());
    if (!Files.isDirectory(state)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "target "
              + plan.target()
              + ": state directory "
              + state
              + " is gone (restore it, or"
              + " fix targets."
              + plan.target()
              + ".state)",
          FailureTypes.CONFIG_INVALID);
    }
    return new LockFile(state);
  }

  /** The workflow run taking the lock, or null when called outside an activity (tests, the CLI). */
  private static String runId() {
    try {
      return Activity.getExecutionContext().getInfo().getWorkflowRunId();
    } catch (IllegalStateException notInActivity) {
      return null;
    }
  }
}
