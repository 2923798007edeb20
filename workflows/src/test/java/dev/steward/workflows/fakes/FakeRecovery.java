package dev.steward.workflows.fakes;

import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.ProviderStatus;
import dev.steward.workflows.host.RecoveryActivities;
import dev.steward.workflows.host.TargetPlan;

/** The recovery's probe (down unless told), the provider's status page (fine unless told). */
public final class FakeRecovery implements RecoveryActivities {
  public static final ProviderStatus PROVIDER_OK = new ProviderStatus("none", "");
  public static final ProviderStatus PROVIDER_DOWN = new ProviderStatus("critical", "API outage");

  private final Calls calls;
  public final Answers<HealthReport> probe = new Answers<>(FakeService.UNHEALTHY);
  public final Answers<ProviderStatus> provider = new Answers<>(PROVIDER_OK);

  FakeRecovery(Calls calls) {
    this.calls = calls;
  }

  @Override
  public HealthReport probeService(TargetPlan plan) {
    calls.record("probeService");
    return probe.next();
  }

  @Override
  public ProviderStatus checkProvider(TargetPlan plan) {
    calls.record("checkProvider");
    return provider.next();
  }

  @Override
  public String gatherEvidence(TargetPlan plan) {
    calls.record("gatherEvidence");
    return "line 1\nline 2";
  }
}
