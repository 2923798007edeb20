package dev.steward.workflows.fakes;

import dev.steward.workflows.host.Measurement;
import dev.steward.workflows.host.Metric;
import dev.steward.workflows.host.MonitorActivities;
import dev.steward.workflows.host.TargetPlan;
import java.util.List;

/** The monitor's measurements: up unless the test says otherwise. */
public final class FakeMonitor implements MonitorActivities {
  public static final Measurement UP = measured(Metric.OK);
  public static final Measurement DOWN = measured(Metric.ALERT);

  private final Calls calls;
  public final Answers<Measurement> measure = new Answers<>(UP);

  FakeMonitor(Calls calls) {
    this.calls = calls;
  }

  @Override
  public Measurement measure(TargetPlan plan) {
    calls.record("measure");
    return measure.next();
  }

  @Override
  public void pingHeartbeat(TargetPlan plan, boolean healthy) {
    calls.record(healthy ? "pingHeartbeat" : "pingHeartbeat fail");
  }

  private static Measurement measured(String upState) {
    return new Measurement(
        "2026-06-01T02:30:00Z", List.of(new Metric(Metric.UP, upState, "", upState)));
  }
}
