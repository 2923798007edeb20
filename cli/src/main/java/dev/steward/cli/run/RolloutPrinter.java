package dev.steward.cli.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.workflows.fleet.FleetRolloutResult;
import dev.steward.workflows.fleet.FleetRolloutStatus;
import dev.steward.workflows.fleet.HostRollout;
import dev.steward.workflows.fleet.HostState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a rollout for people (a header and a line per host) or for scripts (one JSON object). */
public final class RolloutPrinter {
  private static final ObjectMapper FIELDS = new ObjectMapper();

  private final RunPrinter out;
  private final OutputFormat format;

  public RolloutPrinter(RunPrinter out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  /** Where a rollout is: a header (batch n/m, failed of the budget), then each host. */
  public void status(String workflowId, FleetRolloutStatus status) {
    if (format == OutputFormat.JSON) {
      out.json(withId(workflowId, status));
      return;
    }
    out.text(
        "rollout "
            + workflowId
            + " (fleet "
            + status.fleet()
            + ", target "
            + status.target()
            + ", revision "
            + (status.revision() == null ? "not resolved yet" : status.revision())
            + ")");
    out.text(header(status));
    status.hosts().forEach(host -> out.text(host(host)));
  }

  /** How a rollout ended: the outcome and its message, then each host. */
  public void result(FleetRolloutResult result) {
    if (format == OutputFormat.JSON) {
      out.json(result);
      return;
    }
    out.text(
        result.outcome()
            + ": "
            + result.fleet()
            + " at "
            + result.revision()
            + ": "
            + result.message());
    result.hosts().forEach(host -> out.text(host(host)));
  }

  /** What the rollout answered to a request (pause, resume, approve, abort). */
  public void answer(String workflowId, String request, String answer) {
    if (format == OutputFormat.JSON) {
      Map<String, String> json = new LinkedHashMap<>();
      json.put("workflowId", workflowId);
      json.put("request", request);
      json.put("answer", answer);
      out.json(json);
      return;
    }
    out.text(workflowId + ": " + answer);
  }

  /** {@code batch 2/4, running: 3 of 6 hosts updated, 1 failed of a budget of 1}. */
  static String header(FleetRolloutStatus status) {
    long updated = status.hosts().stream().filter(h -> h.state() == HostState.UPDATED).count();
    String outcome = status.outcome() == null ? "" : ", outcome " + status.outcome();
    return "batch "
        + status.batch()
        + "/"
        + status.batches()
        + ", "
        + status.phase()
        + ": "
        + updated
        + " of "
        + status.hosts().size()
        + " hosts updated, "
        + status.failed()
        + " failed of a budget of "
        + status.failureBudget()
        + outcome;
  }

  /** {@code vps-2 updating update/hermes/… run 5b1… message}. */
  static String host(HostRollout host) {
    StringBuilder line =
        new StringBuilder(String.format("  %-12s %-12s", host.host(), host.state().wire()));
    if (host.workflowId() != null) {
      line.append(' ').append(host.workflowId());
    }
    if (host.runId() != null) {
      line.append("  run ").append(host.runId());
    }
    if (host.message() != null) {
      line.append("  ").append(host.message());
    }
    return line.toString().stripTrailing();
  }

  private static Map<String, Object> withId(String workflowId, FleetRolloutStatus status) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("workflowId", workflowId);
    json.putAll(FIELDS.convertValue(status, new TypeReference<Map<String, Object>>() {}));
    return json;
  }

  /** Every host's line, for printing only what changed between two polls. */
  static List<String> hostLines(FleetRolloutStatus status) {
    return status.hosts().stream().map(RolloutPrinter::host).toList();
  }
}
