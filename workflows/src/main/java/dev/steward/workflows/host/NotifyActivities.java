package dev.steward.workflows.host;

import io.temporal.activity.ActivityInterface;

/** Sends notifications to the channels of a target's config. */
@ActivityInterface
public interface NotifyActivities {

  /**
   * Sends one notice to one channel, resolving its secret references here. A channel that does not
   * answer 2xx fails the attempt, so the workflow's retry policy tries it again.
   */
  void sendNotice(NotifyPlan.Channel channel, Notice notice);
}
