package dev.steward.workflows.monitor;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.steward.workflows.host.Measurement;
import java.util.List;

/**
 * What the monitor knows between cycles; handed over at continue-as-new.
 *
 * @param latest the last measurement, or null before the first
 * @param alerts the metrics whose alert is active (sent once, resolved once)
 * @param downCount consecutive measurements that found the service down
 * @param downSince when the current "down" incident began, ISO-8601 UTC, or null
 * @param recoveries when the monitor started each recovery (epoch millis, workflow time), recent
 *     ones only
 * @param lastRecovery the last recovery's outcome and workflow id, or null
 * @param cycles measurements taken since the monitor started
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MonitorState(
    Measurement latest,
    List<String> alerts,
    int downCount,
    String downSince,
    List<Long> recoveries,
    String lastRecovery,
    long cycles) {

  static MonitorState initial() {
    return new MonitorState(null, List.of(), 0, null, List.of(), null, 0);
  }
}
