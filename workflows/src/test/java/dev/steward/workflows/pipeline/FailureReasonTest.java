package dev.steward.workflows.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TimeoutFailure;
import org.junit.jupiter.api.Test;

class FailureReasonTest {
  @Test
  void an_activity_failure_says_the_activity_own_message() {
    assertEquals(
        "only 3 MiB free on /srv",
        FailureReason.of(activity(ApplicationFailure.newFailure("only 3 MiB free on /srv", "X"))));
  }

  @Test
  void a_timeout_says_which_timeout() {
    assertEquals(
        "timed out (schedule-to-start)",
        FailureReason.of(
            activity(new TimeoutFailure("", null, TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START))));
  }

  @Test
  void a_child_failure_says_the_child_own_message_not_what_it_wrapped() {
    ApplicationFailure child =
        ApplicationFailure.newNonRetryableFailureWithCause(
            "restore of vps-2 failed: snapshot missing",
            "X",
            activity(ApplicationFailure.newFailure("no such file", "Y")));
    ChildWorkflowFailure failure =
        new ChildWorkflowFailure(
            0,
            0,
            "RestoreWorkflow",
            WorkflowExecution.newBuilder().setWorkflowId("restore/vps-2").build(),
            "default",
            RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
            child);
    assertEquals("restore of vps-2 failed: snapshot missing", FailureReason.of(failure));
  }

  @Test
  void a_failure_without_a_cause_says_its_own_message() {
    assertEquals("canceled by abort", FailureReason.of(new CanceledFailure("canceled by abort")));
  }

  private static ActivityFailure activity(Throwable cause) {
    return new ActivityFailure(
        "Activity task failed",
        0,
        0,
        "CheckDisk",
        "1",
        RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE,
        "worker@host",
        cause);
  }
}
