package dev.steward.activities.stage;

import static dev.steward.activities.testing.Shell.git;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.code.CodeActivitiesImpl;
import dev.steward.activities.disk.DiskActivitiesImpl;
import dev.steward.activities.snapshot.SnapshotActivitiesImpl;
import dev.steward.activities.status.StatusActivitiesImpl;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.FinishRequest;
import dev.steward.workflows.host.ManagerKind;
import dev.steward.workflows.host.RunStatus;
import dev.steward.workflows.host.StageReport;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.HealthPlan;
import dev.steward.workflows.host.TargetPlan.ServicePlan;
import dev.steward.workflows.host.TargetPlan.SnapshotPlan;
import dev.steward.workflows.host.TargetPlan.UpdatePlan;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stages on a real checkout, state and snapshot directory: each step as its own would be. */
class StageActivitiesImplTest {
  @TempDir Path tmp;
  private final StageActivitiesImpl stages =
      new StageActivitiesImpl(
          new DiskActivitiesImpl(),
          new CodeActivitiesImpl(),
          new SnapshotActivitiesImpl(),
          new StatusActivitiesImpl());
  private String head;

  @BeforeEach
  void checkout() throws Exception {
    Path checkout = Files.createDirectories(tmp.resolve("app"));
    Files.createDirectories(tmp.resolve("state"));
    git(checkout, "init", "-q", "-b", "main");
    Files.writeString(checkout.resolve("app.txt"), "v1\n");
    git(checkout, "add", "-A");
    git(checkout, "commit", "-q", "-m", "v1");
    head = git(checkout, "rev-parse", "HEAD").strip();
  }

  private TargetPlan plan(Path snapshots, long minFree) {
    return new TargetPlan(
        "demo",
        "test-host",
        tmp.resolve("app").toString(),
        tmp.resolve("state").toString(),
        new ServicePlan(ManagerKind.PROCESS, List.of("true"), null, null),
        new SnapshotPlan(snapshots.toString(), 2, List.of(), List.of(), List.of()),
        minFree,
        new UpdatePlan(null, null, List.of("true"), List.of(), 60),
        List.of(),
        new HealthPlan(null, List.of(), 1000, 5000));
  }

  private static RunStatus line() {
    return new RunStatus(
        "success", "2026-12-02T03:00:00Z", "abc", "abc", "updated", "update/demo/1", null, "ok");
  }

  @Test
  void checks_the_disk_then_reads_the_revision_in_one_call() {
    StageReport report = stages.checkDiskAndReadRevision(plan(tmp.resolve("backups"), 1 << 20));

    assertEquals(head, report.revision());
    assertTrue(report.disk().freeBytes() >= report.disk().requiredBytes());
    assertEquals(List.of("DISK", "REVISION"), report.parts().stream().map(p -> p.step()).toList());
  }

  @Test
  void a_low_disk_fails_as_the_disk_check_does_and_reads_no_revision() {
    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () -> stages.checkDiskAndReadRevision(plan(tmp.resolve("backups"), Long.MAX_VALUE)));

    assertEquals(FailureTypes.DISK_LOW, failure.getType());
    assertTrue(failure.isNonRetryable());
    StageReport report = failure.getDetails().get(StageReport.class);
    assertEquals(1, report.parts().size(), report.toString());
    assertEquals(FailureTypes.DISK_LOW, report.parts().get(0).failureType());
    assertNull(report.revision());
  }

  @Test
  void a_prune_that_fails_still_marks_the_release_and_writes_the_status_line() throws Exception {
    // A file where the snapshot directory should be: the prune cannot list it.
    Path notADirectory = Files.writeString(tmp.resolve("backups"), "not a directory");
    TargetPlan plan = plan(notADirectory, 0);

    ApplicationFailure failure =
        assertThrows(
            ApplicationFailure.class,
            () ->
                stages.finishUpdate(
                    plan, new FinishRequest(true, notADirectory + "/s.zip", true, line())));

    assertEquals(FailureTypes.SNAPSHOT_FAILED, failure.getType());
    StageReport report = failure.getDetails().get(StageReport.class);
    assertEquals(
        List.of("PRUNE", "MARK_GOOD", "STATUS"),
        report.parts().stream().map(p -> p.step()).toList());
    assertFalse(report.parts().get(0).failure() == null, "the prune failed");
    assertNull(report.parts().get(1).failure());
    assertNull(report.parts().get(2).failure());
    assertEquals(head, report.goodRelease().revision());
    assertEquals(head, report.revision());
    Map<?, ?> status =
        new ObjectMapper()
            .readValue(tmp.resolve("state/.auto-update-status.json").toFile(), Map.class);
    assertEquals(head, status.get("post_rev"), "the revision read, not the one handed in");
    assertEquals(head, status.get("good_rev"));
  }

  @Test
  void a_run_that_took_no_snapshot_writes_only_its_status_line() throws Exception {
    StageReport report =
        stages.finishUpdate(
            plan(tmp.resolve("backups"), 0), new FinishRequest(false, null, false, line()));

    assertEquals(List.of("STATUS"), report.parts().stream().map(p -> p.step()).toList());
    assertEquals("abc", report.revision());
    Map<?, ?> status =
        new ObjectMapper()
            .readValue(tmp.resolve("state/.auto-update-status.json").toFile(), Map.class);
    assertEquals("abc", status.get("post_rev"));
  }
}
