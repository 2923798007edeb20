package dev.steward.workflows.notify;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Sends one notice to each of a target's channels, each retried with backoff on its own. It runs as
 * an abandoned child of the pipeline that has something to say, so a channel that is down never
 * fails or delays that pipeline, and its retries are recorded in this workflow's own history.
 */
@WorkflowInterface
public interface NotifyWorkflow {

  /** Sends the notice; never fails: a channel that stays down is listed in the result. */
  @WorkflowMethod
  NotifyResult send(NotifyRequest request);
}
