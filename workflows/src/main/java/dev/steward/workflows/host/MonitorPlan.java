package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the monitor measures every cycle and when it alerts.
 *
 * @param everyMillis time between two measurements
 * @param downAfter consecutive "down" measurements that start a recovery
 * @param diskFreeMinPercent alert when the state's filesystem has less free space than this
 * @param memoryMaxBytes alert when the service uses more memory than this; 0 = no limit
 * @param errorWindowMillis the window over which the provider error rate is computed
 * @param errorRateMaxPercent alert when the provider error rate is above this
 * @param log the agent log (absolute) the error rate is read from, or null
 * @param callPattern a regex matching one model call in another service's log, or null for Hermes
 *     Agent's format
 * @param errorPattern a regex matching one failed call in another service's log, or null
 * @param recoveryCooldownMillis the least time between two recoveries the monitor starts
 * @param maxRecoveries the most recoveries the monitor starts within {@code recoveryWindowMillis}
 * @param recoveryWindowMillis the window of {@code maxRecoveries}
 * @param heartbeatUrl a dead man's switch ping URL (healthchecks.io style; a secret reference
 *     allowed), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonitorPlan(
    long everyMillis,
    int downAfter,
    double diskFreeMinPercent,
    long memoryMaxBytes,
    long errorWindowMillis,
    double errorRateMaxPercent,
    String log,
    String callPattern,
    String errorPattern,
    long recoveryCooldownMillis,
    int maxRecoveries,
    long recoveryWindowMillis,
    String heartbeatUrl) {

  /** Every minute, recover after 2 down probes, alert below 10% disk and above 10% errors. */
  public static final MonitorPlan DEFAULTS =
      new MonitorPlan(
          60_000, 2, 10, 0, 3_600_000, 10, null, null, null, 15 * 60_000L, 3, 6 * 3_600_000L, null);
}
