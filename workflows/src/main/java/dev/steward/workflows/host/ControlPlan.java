package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * When an update may restart the service, and who must agree first.
 *
 * @param window the maintenance window, or null when any time will do
 * @param approval the approval a run waits for before its restart, or null when none is needed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ControlPlan(WindowPlan window, ApprovalPlan approval) {
  /** No window, no approval. */
  public static final ControlPlan NONE = new ControlPlan(null, null);

  /**
   * Days and hours when a restart may happen. A window whose {@code to} is not after its {@code
   * from} runs past midnight, and belongs to the day it opens.
   *
   * @param days the days it opens on: {@code mon} … {@code sun}
   * @param from opening time, {@code HH:MM}
   * @param to closing time, {@code HH:MM}
   * @param timezone an IANA time zone
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record WindowPlan(List<String> days, String from, String to, String timezone) {}

  /**
   * A person's go-ahead before the restart.
   *
   * @param timeoutMillis how long to wait for it; no answer in time rolls back
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ApprovalPlan(long timeoutMillis) {}
}
