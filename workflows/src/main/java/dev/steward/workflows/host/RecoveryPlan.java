package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * How the recovery playbook treats a target.
 *
 * @param providerStatus a Statuspage {@code status.json} URL of the model provider (a secret
 *     reference allowed), or null when none is configured
 * @param waitForProviderMillis how long recovery keeps restarting with backoff while the provider
 *     is at fault, before it gives up without rolling back
 * @param logFiles log files (absolute) whose last lines go into the evidence
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecoveryPlan(
    String providerStatus, long waitForProviderMillis, List<String> logFiles) {
  /** The default wait for a provider's outage to end: 30 minutes. */
  public static final long DEFAULT_WAIT_FOR_PROVIDER_MILLIS = 30 * 60_000L;

  /** No provider status page, no extra log files. */
  public static final RecoveryPlan DEFAULTS =
      new RecoveryPlan(null, DEFAULT_WAIT_FOR_PROVIDER_MILLIS, List.of());

  public RecoveryPlan {
    logFiles = logFiles == null ? List.of() : List.copyOf(logFiles);
  }
}
