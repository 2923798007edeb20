package dev.steward.worker.fleet;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Hosts' runs (their updates) as the server recorded their start and close, and what those times
 * show about a rollout: the order of its batches and how many hosts it updated at once. Public for
 * the process-level rollout tests in cli/.
 */
public final class HostRuns {
  private HostRuns() {}

  /** One host's run, from its start to its close as the server recorded them. */
  public record Run(String host, Instant start, Instant end) {}

  /** The most runs that were open at one instant, from their start and close times. */
  public static int mostAtOnce(List<Run> runs) {
    record Edge(Instant at, int delta) {}
    List<Edge> edges = new ArrayList<>();
    runs.forEach(r -> edges.addAll(List.of(new Edge(r.start(), 1), new Edge(r.end(), -1))));
    // At the same instant a close comes before a start: the slot is free again.
    edges.sort(Comparator.comparing(Edge::at).thenComparingInt(Edge::delta));
    int open = 0;
    int most = 0;
    for (Edge edge : edges) {
      open += edge.delta();
      most = Math.max(most, open);
    }
    return most;
  }

  /** Every run of each batch started no earlier than every run of the batch before it ended. */
  public static void assertBatchesInOrder(List<List<Run>> batches) {
    for (int i = 1; i < batches.size(); i++) {
      for (Run earlier : batches.get(i - 1)) {
        for (Run later : batches.get(i)) {
          assertFalse(
              later.start().isBefore(earlier.end()),
              earlier
                  + " ends before "
                  + later
                  + " starts (batch "
                  + i
                  + ", then "
                  + (i + 1)
                  + ")");
        }
      }
    }
  }
}
