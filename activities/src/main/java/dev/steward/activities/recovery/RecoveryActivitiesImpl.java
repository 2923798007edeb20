package dev.steward.activities.recovery;

import dev.steward.activities.Secrets;
import dev.steward.activities.monitor.LogTail;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.activities.service.ServiceProbe;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.ProviderStatus;
import dev.steward.workflows.host.RecoveryActivities;
import dev.steward.workflows.host.TargetPlan;
import java.nio.file.Path;

/** The recovery playbook's looks at the world: the service, the provider, the logs. */
public final class RecoveryActivitiesImpl implements RecoveryActivities {
  private static final int LOG_LINES = 30;

  private final Secrets secrets;
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();

  public RecoveryActivitiesImpl() {
    this(Secrets.fromEnvironment());
  }

  public RecoveryActivitiesImpl(Secrets secrets) {
    this.secrets = secrets;
  }

  @Override
  public HealthReport probeService(TargetPlan plan) {
    return ServiceProbe.once(plan);
  }

  @Override
  public ProviderStatus checkProvider(TargetPlan plan) {
    String reference = plan.recovery().providerStatus();
    if (reference == null) {
      return new ProviderStatus("unknown", "no provider.status configured");
    }
    return StatusPage.read(secrets, reference);
  }

  @Override
  public String gatherEvidence(TargetPlan plan) {
    StringBuilder evidence = new StringBuilder();
    evidence.append("== service output (last lines) ==\n").append(service.collectEvidence(plan));
    for (String file : plan.recovery().logFiles()) {
      evidence
          .append("\n== ")
          .append(file)
          .append(" (last ")
          .append(LOG_LINES)
          .append(" lines) ==\n")
          .append(LogTail.lastLines(Path.of(file), LOG_LINES));
    }
    return evidence.toString();
  }
}
