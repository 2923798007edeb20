package dev.steward.workflows.fakes;

import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.ServiceActivities;
import dev.steward.workflows.host.TargetPlan;

/** A service that stops, starts and is healthy, unless the test says otherwise. */
public final class FakeService implements ServiceActivities {
  public static final HealthReport HEALTHY = new HealthReport(true, 1_000, "healthy for 1 s");
  public static final HealthReport UNHEALTHY =
      new HealthReport(false, 60_000, "GET /health: connection refused");

  private final Calls calls;
  public final Answers<Void> restart = new Answers<>(null);
  public final Answers<Void> stop = new Answers<>(null);
  public final Answers<HealthReport> health = new Answers<>(HEALTHY);

  FakeService(Calls calls) {
    this.calls = calls;
  }

  @Override
  public void restartService(TargetPlan plan) {
    calls.record("restartService");
    restart.next();
  }

  @Override
  public void stopService(TargetPlan plan) {
    calls.record("stopService");
    stop.next();
  }

  @Override
  public HealthReport verifyHealth(TargetPlan plan) {
    calls.record("verifyHealth");
    return health.next();
  }

  @Override
  public String collectEvidence(TargetPlan plan) {
    calls.record("collectEvidence");
    return "Traceback: the service's last words";
  }
}
