package dev.steward.activities.service;

import dev.steward.workflows.pipeline.HealthProgress;
import dev.steward.workflows.pipeline.HealthProgressSignal;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowTargetOptions;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a health wait's progress to the run that scheduled it, as the {@link HealthProgressSignal}.
 * Signals go out on a background thread, so a slow server never delays the wait's heartbeats, and
 * are dropped when several are already queued: progress is for people, and the next one replaces a
 * lost one. Outside an activity (tests, the CLI) it sends nothing.
 */
public final class HealthProgressSignals implements HealthProgressSink {
  private static final Logger LOG = LoggerFactory.getLogger(HealthProgressSignals.class);

  private final WorkflowClient client;
  private final ThreadPoolExecutor sender =
      new ThreadPoolExecutor(
          1,
          1,
          30,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(16),
          runnable -> {
            Thread thread = new Thread(runnable, "steward-health-progress");
            thread.setDaemon(true);
            return thread;
          },
          new ThreadPoolExecutor.DiscardPolicy());

  public HealthProgressSignals(WorkflowClient client) {
    this.client = client;
    sender.allowCoreThreadTimeOut(true);
  }

  @Override
  public void report(HealthProgress progress) {
    ActivityInfo info;
    try {
      info = Activity.getExecutionContext().getInfo();
    } catch (IllegalStateException notInActivity) {
      return;
    }
    String workflowId = info.getWorkflowId();
    String runId = info.getWorkflowRunId();
    sender.execute(() -> send(workflowId, runId, progress));
  }

  private void send(String workflowId, String runId, HealthProgress progress) {
    try {
      client
          .newUntypedWorkflowStub(
              WorkflowTargetOptions.newBuilder().setWorkflowId(workflowId).setRunId(runId).build())
          .signal(HealthProgressSignal.NAME, progress);
    } catch (RuntimeException e) {
      // The run may have ended meanwhile, or the server be briefly away: never the wait's concern.
      LOG.debug("health progress not sent to {}: {}", workflowId, e.getMessage());
    }
  }
}
