package dev.steward.cli.commands;

import static dev.steward.workflows.host.Revisions.short7;

import dev.steward.activities.disk.Sizes;
import dev.steward.activities.snapshot.SnapshotActivitiesImpl;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.run.OutputFormat;
import dev.steward.cli.run.RunPrinter;
import dev.steward.workflows.host.SnapshotListing;
import dev.steward.workflows.host.TargetPlan;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code steward snapshots TARGET}: the target's snapshots on this host, newest first, each
 * checked. Read through the same activity implementation the pipelines use ({@link
 * SnapshotActivitiesImpl#listSnapshots}), on this host's own configuration, as {@code hold} does.
 */
@Command(
    name = "snapshots",
    description = {
      "List a target's snapshots on this host, newest first: when, kind (pre-update,",
      "pre-restore), revision, size, and whether it still verifies (and why not)."
    })
public final class SnapshotsCommand implements Callable<Integer> {
  private static final String ROW = "%-20s %-11s %-8s %9s  %-8s %s%n";

  @ParentCommand Steward steward;

  @Parameters(paramLabel = "TARGET", description = "A target named in the configuration.")
  String target;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (a table), or json (an array, one object per snapshot).")
  OutputFormat output;

  @Override
  public Integer call() {
    TargetPlan plan = Targets.plan(steward.loadConfig(), target);
    List<SnapshotListing> snapshots = new SnapshotActivitiesImpl().listSnapshots(plan);
    if (output == OutputFormat.JSON) {
      new RunPrinter(steward, output).json(snapshots);
    } else if (snapshots.isEmpty()) {
      steward.out().println(target + ": no snapshots yet in " + plan.snapshot().dir());
    } else {
      steward.out().print(table(snapshots));
      steward.out().println("restore one with: steward restore " + target + " FILE");
    }
    steward.out().flush();
    return ExitCodes.OK;
  }

  static String table(List<SnapshotListing> snapshots) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(Locale.ROOT, ROW, "TAKEN", "KIND", "REVISION", "SIZE", "VERIFIES", "FILE"));
    for (SnapshotListing s : snapshots) {
      table.append(
          String.format(
              Locale.ROOT,
              ROW,
              taken(s.takenAt()),
              s.kind(),
              s.revision() == null ? "-" : short7(s.revision()),
              Sizes.human(s.bytes()),
              s.verifies() ? "yes" : "NO",
              s.verifies() ? s.file() : s.file() + "  (" + s.problem() + ")"));
    }
    return table.toString();
  }

  /** To the second, for people; JSON keeps the full time. */
  private static String taken(String takenAt) {
    try {
      return Instant.parse(takenAt).truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (DateTimeParseException e) {
      return String.valueOf(takenAt);
    }
  }
}
