package dev.steward.workflows.fakes;

import dev.steward.workflows.host.Notice;
import dev.steward.workflows.host.NotifyActivities;
import dev.steward.workflows.host.NotifyPlan;
import java.util.ArrayList;
import java.util.List;

/** A channel that takes every notice; the notices are kept. */
public final class FakeNotify implements NotifyActivities {
  private final Calls calls;
  private final List<Notice> sent = new ArrayList<>();

  FakeNotify(Calls calls) {
    this.calls = calls;
  }

  @Override
  public synchronized void sendNotice(NotifyPlan.Channel channel, Notice notice) {
    calls.record("sendNotice");
    sent.add(notice);
  }

  public synchronized List<Notice> sent() {
    return List.copyOf(sent);
  }
}
