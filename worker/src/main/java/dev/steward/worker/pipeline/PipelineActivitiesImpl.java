package dev.steward.worker.pipeline;

import dev.steward.worker.config.ConfigException;
import dev.steward.worker.config.StewardConfig;
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
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves plans from the host's steward.yaml and keeps one maintenance pipeline per target. The
 * lock lives in the target's state directory, {@code <state>/.steward/lock.json}, so every worker
 * and every Steward process on the host sees the same one.
 */
public final class PipelineActivitiesImpl implements PipelineActivities {
  private static final Logger log = LoggerFactory.getLogger(PipelineActivitiesImpl.class);

  private final Supplier<StewardConfig> config;
  private final LockHolders holders;

  /**
   * @param config reads steward.yaml afresh on each call, so a changed config applies at the next
   *     run; it throws {@link ConfigException} when the file is bad
   * @param client asked whether the workflow named in a lock still runs
   */
  public PipelineActivitiesImpl(Supplier<StewardConfig> config, WorkflowClient client) {
    this.config = config;
    this.holders = new LockHolders(client);
  }

  @Override
  public TargetPlan resolvePlan(String target) {
    StewardConfig current;
    try {
      current = config.get();
    } catch (ConfigException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.CONFIG_INVALID);
    }
    TargetPlan plan = current.targets().get(target);
    if (plan == null) {
      String message =
          String.format(
              "no target \"%s\" in %s (known: %s)",
              target, current.source(), String.join(", ", current.targets().keySet()));
      throw ApplicationFailure.newNonRetryableFailure(message, FailureTypes.CONFIG_INVALID);
    }
    return plan;
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
    lock.write(new LockRecord(workflowId, runId(), self.pid(), self.startedAtMillis(), acquiredAt));
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
