package dev.steward.workflows;

/**
 * Steward's task queues: workflow tasks run on any worker, activities on the worker of the host
 * they touch, which is what lets one Temporal cluster drive a fleet.
 */
public final class TaskQueues {
  /** The queue every worker polls for workflow tasks. */
  public static final String WORKFLOWS = "steward";

  private TaskQueues() {}

  /** The queue that only {@code host}'s worker polls, for activities that touch that host. */
  public static String forHost(String host) {
    return "steward-host-" + host;
  }
}
