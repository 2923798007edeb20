package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One metric as measured.
 *
 * @param name {@code up}, {@code disk}, {@code memory}, {@code errors} or {@code update}
 * @param value the value, for people ("12.5% free", "184 MiB", "3 of 40 calls (7.5%)")
 * @param threshold the threshold it is judged against, for people, or "" when it has none
 * @param state {@code ok}, {@code alert} or {@code unknown} (not measurable here; never alerts)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Metric(String name, String value, String threshold, String state) {
  public static final String UP = "up";
  public static final String DISK = "disk";
  public static final String MEMORY = "memory";
  public static final String ERRORS = "errors";
  public static final String UPDATE = "update";
  public static final String OK = "ok";
  public static final String ALERT = "alert";
  public static final String UNKNOWN = "unknown";

  public boolean alert() {
    return ALERT.equals(state);
  }
}
