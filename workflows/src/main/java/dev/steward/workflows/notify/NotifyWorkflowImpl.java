package dev.steward.workflows.notify;

import dev.steward.workflows.host.HostActivityStubs;
import dev.steward.workflows.host.NotifyActivities;
import dev.steward.workflows.host.NotifyPlan.Channel;
import dev.steward.workflows.host.Summaries;
import dev.steward.workflows.pipeline.FailureReason;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import java.util.ArrayList;
import java.util.List;

/** Sends to all channels at once, so a slow one does not hold back the others. */
public class NotifyWorkflowImpl implements NotifyWorkflow {

  @Override
  public NotifyResult send(NotifyRequest request) {
    List<Channel> channels = request.channels().channels();
    List<Promise<Void>> attempts = new ArrayList<>();
    for (Channel channel : channels) {
      NotifyActivities sender =
          HostActivityStubs.notices(
              request.host(), Summaries.notify(request.notice().severity(), channel.type()));
      attempts.add(Async.procedure(sender::sendNotice, channel, request.notice()));
    }
    List<String> sent = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < channels.size(); i++) {
      try {
        attempts.get(i).get();
        sent.add(channels.get(i).describe());
      } catch (ActivityFailure e) {
        failed.add(channels.get(i).describe() + ": " + FailureReason.of(e));
      }
    }
    return new NotifyResult(sent, failed);
  }
}
