package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One measurement of a target's metrics.
 *
 * @param time when it was taken, ISO-8601 UTC
 * @param metrics each metric, in a fixed order: {@code up}, {@code disk}, {@code memory}, {@code
 *     errors}, {@code update}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Measurement(String time, List<Metric> metrics) {

  /** Whether the service was seen up. */
  public boolean up() {
    return metrics.stream().noneMatch(m -> m.name().equals(Metric.UP) && m.alert());
  }

  /** Whether any metric is beyond its threshold. */
  public boolean anyAlert() {
    return metrics.stream().anyMatch(Metric::alert);
  }
}
