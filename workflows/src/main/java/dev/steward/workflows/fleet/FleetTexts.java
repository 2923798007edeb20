package dev.steward.workflows.fleet;

import static dev.steward.workflows.host.Revisions.short7;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** The lines a rollout shows people: its current details and its result's message. */
final class FleetTexts {
  private FleetTexts() {}

  /** A duration as the config writes it: {@code 90s}, {@code 10m}, {@code 2h}. */
  static String duration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds > 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds > 0 || duration.isZero() ? seconds + "s" : duration.toMillis() + "ms";
  }

  /** The web UI's current details: "batch 2/4: 3 of 6 hosts updated, 1 failed, budget 1". */
  static String details(FleetRolloutStatus status) {
    if (status.batches() == 0) {
      return status.phase();
    }
    long updated = count(status.hosts(), HostState.UPDATED);
    String line =
        "batch "
            + status.batch()
            + "/"
            + status.batches()
            + ": "
            + updated
            + " of "
            + status.hosts().size()
            + " hosts updated, "
            + status.failed()
            + " failed, budget "
            + status.failureBudget();
    return switch (status.phase()) {
      case FleetPhases.RUNNING -> line;
      case FleetPhases.DONE -> line + "; " + status.outcome();
      default -> line + "; " + status.phase();
    };
  }

  /** The result's one line: how it ended, how many hosts are where, which failed. */
  static String result(
      FleetOutcome outcome, String why, String revision, Collection<HostRollout> hosts) {
    long at = count(hosts, HostState.UPDATED);
    String line =
        switch (outcome) {
          case UPDATED -> "all " + hosts.size() + " hosts at " + short7(revision);
          case PARTIAL -> at + " of " + hosts.size() + " hosts at " + short7(revision);
          case HALTED -> "halted (" + why + "): " + at + " hosts left at " + short7(revision);
          case REVERTED ->
              "reverted (" + why + "): " + count(hosts, HostState.REVERTED) + " hosts back";
          case FAILED -> "some host is NOT healthy" + (why == null ? "" : " (" + why + ")");
        };
    List<HostRollout> failed =
        hosts.stream()
            .filter(h -> h.state() == HostState.FAILED || h.state() == HostState.ROLLED_BACK)
            .toList();
    long waiting = count(hosts, HostState.WAITING);
    if (!failed.isEmpty()) {
      line +=
          "; failed: "
              + failed.stream()
                  .map(h -> h.host() + " (" + h.state() + ")")
                  .collect(Collectors.joining(", "));
    }
    return waiting == 0 ? line : line + "; " + waiting + " not started";
  }

  private static long count(Collection<HostRollout> hosts, HostState state) {
    return hosts.stream().filter(h -> h.state() == state).count();
  }
}
