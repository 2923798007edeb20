package dev.steward.activities.snapshot;

import dev.steward.workflows.host.ManagerKind;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.HealthPlan;
import dev.steward.workflows.host.TargetPlan.ServicePlan;
import dev.steward.workflows.host.TargetPlan.SnapshotPlan;
import dev.steward.workflows.host.TargetPlan.UpdatePlan;
import java.nio.file.Path;
import java.util.List;

/** Target plans for snapshot tests: only the paths and the snapshot section matter here. */
final class Plans {
  private Plans() {}

  static TargetPlan plan(String target, Path checkout, Path state, SnapshotPlan snapshot) {
    return new TargetPlan(
        target,
        "test-host",
        checkout.toString(),
        state.toString(),
        new ServicePlan(ManagerKind.PROCESS, List.of("true"), null, null),
        snapshot,
        0,
        new UpdatePlan(null, null, List.of("true"), List.of(), 60),
        List.of(),
        new HealthPlan(null, List.of(), 1000, 5000));
  }

  static SnapshotPlan builtIn(Path dir, int keep, String... exclude) {
    return new SnapshotPlan(dir.toString(), keep, List.of(exclude), List.of(), List.of());
  }

  static SnapshotPlan commands(Path dir, List<String> export, List<String> importCommand) {
    return new SnapshotPlan(dir.toString(), 7, List.of(), export, importCommand);
  }
}
