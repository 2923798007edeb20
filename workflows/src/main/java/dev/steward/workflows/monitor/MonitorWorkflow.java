package dev.steward.workflows.monitor;

import dev.steward.workflows.host.Measurement;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A target's monitor: every {@code monitor.every} it measures the five metrics, pings the
 * heartbeat, sends an alert once per incident and a "resolved" once, and starts a recovery when the
 * service has been down for {@code monitor.downAfter} measurements, within a cool-down and a cap.
 * It continues as new every so often, so its history stays small.
 */
@WorkflowInterface
public interface MonitorWorkflow {

  /** Runs until cancelled; with {@code once}, measures once and returns the measurement. */
  @WorkflowMethod
  Measurement monitor(MonitorRequest request);

  /** What the monitor knows now. */
  @QueryMethod
  MonitorState state();
}
