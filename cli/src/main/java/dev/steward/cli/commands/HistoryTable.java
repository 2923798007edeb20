package dev.steward.cli.commands;

import dev.steward.worker.history.PastRun;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** {@code steward history}'s table: outcome, start, duration, workflow id. */
final class HistoryTable {
  private static final String ROW = "%-12s %-8s %-20s %-9s %s%n";

  private HistoryTable() {}

  static String format(List<PastRun> runs) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(Locale.ROOT, ROW, "OUTCOME", "KIND", "STARTED", "TOOK", "WORKFLOW ID"));
    for (PastRun run : runs) {
      table.append(
          String.format(
              Locale.ROOT,
              ROW,
              run.outcome(),
              run.kind() == null ? "-" : run.kind(),
              run.started().truncatedTo(ChronoUnit.SECONDS),
              run.closed() == null
                  ? "running"
                  : took(Duration.between(run.started(), run.closed())),
              run.workflowId()));
    }
    return table.toString();
  }

  private static String took(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 60 ? seconds + "s" : seconds / 60 + "m" + seconds % 60 + "s";
  }
}
