package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One metric as measured.
 *
 * @param name {@code up}, {@code disk}, {@code memory}, {@code errors} or {@code update}
 * @param value the value, for people ("12.5% free", "184 MiB", "3 of 40 calls (7.5%)")
 * @param threshold the threshold it is judged against, for people, or "" when it has none
 * @param state {@code ok}, {@code alert} or {@code unknown} (not measurable here; never alerts)
 * @param reading the value as a number, for Prometheus: {@code up} 1 or 0, {@code disk} the free
 *     percent, {@code memory} bytes, {@code errors} the percent of attempts that failed; null when
 *     not measured, and for {@code update} (its age is a gauge of its own)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Metric(String name, String value, String threshold, String state, Double reading) {
  public static final String UP = "up";
  public static final String DISK = "disk";
  public static final String MEMORY = "memory";
  public static final String ERRORS = "errors";
  public static final String UPDATE = "update";
  public static final String OK = "ok";
  public static final String ALERT = "alert";
  public static final String UNKNOWN = "unknown";

  /** A metric without a number (as runs recorded before readings had them). */
  public Metric(String name, String value, String threshold, String state) {
    this(name, value, threshold, state, null);
  }

  public boolean alert() {
    return ALERT.equals(state);
  }
}
