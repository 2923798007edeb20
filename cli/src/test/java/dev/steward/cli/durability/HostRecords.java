package dev.steward.cli.durability;

import dev.steward.activities.snapshot.SnapshotActivitiesImpl;
import dev.steward.activities.status.StatusActivitiesImpl;
import dev.steward.worker.TestTarget;
import dev.steward.workflows.host.GoodRelease;
import dev.steward.workflows.host.SnapshotListing;
import dev.steward.workflows.host.TargetPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a case's run left in the host's records, read with the activity implementations a user's
 * {@code steward snapshots} and {@code steward status} read them with: the snapshots and the last
 * known good release.
 */
final class HostRecords {
  private HostRecords() {}

  /**
   * The differences from {@code expect}: every snapshot verifies; there are as many pre-restore
   * copies as expected, each holding {@code replacedSchema} as its {@code schema.txt} (the data the
   * restore replaced, so none was lost); after a healthy run the last known good release is {@code
   * revision}, the checkout's.
   */
  static List<String> problems(
      TargetPlan plan, Expect expect, String revision, String replacedSchema) throws IOException {
    List<String> problems = new ArrayList<>();
    List<SnapshotListing> listed = new SnapshotActivitiesImpl().listSnapshots(plan);
    for (SnapshotListing l : listed) {
      if (!l.verifies()) {
        problems.add("snapshot " + l.file() + " does not verify: " + l.problem());
      }
    }
    List<SnapshotListing> preRestores =
        listed.stream().filter(l -> "pre-restore".equals(l.kind())).toList();
    if (preRestores.size() != expect.preRestores()) {
      problems.add(
          "pre-restore snapshots: want " + expect.preRestores() + ", got " + preRestores.size());
    }
    for (SnapshotListing kept : preRestores) {
      Path archive = Path.of(plan.snapshot().dir()).resolve(kept.file());
      String schema =
          new String(TestTarget.archiveEntry(archive, "schema.txt"), StandardCharsets.UTF_8);
      if (!schema.equals(replacedSchema)) {
        problems.add(
            "schema.txt in "
                + kept.file()
                + ": want "
                + replacedSchema.strip()
                + ", got "
                + schema);
      }
    }
    if (expect.goodRelease()) {
      GoodRelease good = new StatusActivitiesImpl().readGoodRelease(plan);
      String recorded = good == null ? null : good.revision();
      if (!revision.equals(recorded)) {
        problems.add("last known good: want the checkout's " + revision + ", got " + recorded);
      }
    }
    return problems;
  }
}
