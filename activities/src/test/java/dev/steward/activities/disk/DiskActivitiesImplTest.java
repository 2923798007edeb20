package dev.steward.activities.disk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.host.DiskReport;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.ManagerKind;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.failure.ApplicationFailure;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskActivitiesImplTest {
  private static final long MIB = 1024 * 1024;
  private static final long TIB = 1024 * 1024 * MIB;

  @TempDir Path tmp;
  private Path state;
  private Path backups;
  private final DiskActivitiesImpl disk = new DiskActivitiesImpl();

  @BeforeEach
  void setUp() throws Exception {
    state = Files.createDirectories(tmp.resolve("state"));
    backups = tmp.resolve("backups");
  }

  private TargetPlan plan(long minFree) {
    return new TargetPlan(
        "demo",
        "test-host",
        tmp.resolve("app").toString(),
        state.toString(),
        new TargetPlan.ServicePlan(ManagerKind.PROCESS, List.of("true"), null, null),
        new TargetPlan.SnapshotPlan(backups.toString(), 7, List.of(), List.of(), List.of()),
        minFree,
        new TargetPlan.UpdatePlan("origin", "main", List.of(), List.of(), 60),
        List.of(),
        new TargetPlan.HealthPlan(null, List.of(), 1000, 5000));
  }

  /** A file that claims {@code bytes} but takes no room on disk. */
  private Path sparse(String name, long bytes, Instant modified) throws Exception {
    Path file = Files.createDirectories(backups).resolve(name);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(bytes);
    }
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  private long free() throws Exception {
    return Files.getFileStore(state).getUsableSpace();
  }

  @Test
  void passes_with_a_small_min_free_and_no_snapshot_directory_yet() {
    DiskReport report = disk.checkDisk(plan(MIB));

    assertEquals(MIB, report.requiredBytes());
    assertTrue(report.freeBytes() >= MIB);
  }

  @Test
  void fails_with_disk_low_when_min_free_exceeds_the_free_space() throws Exception {
    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> disk.checkDisk(plan(free() + TIB)));

    assertEquals(FailureTypes.DISK_LOW, failure.getType());
    String message = failure.getOriginalMessage();
    assertTrue(message.startsWith("only "), message);
    assertTrue(message.contains(" free on " + state + " (state), need "), message);
    assertTrue(message.endsWith("; free some space or lower disk.minFree"), message);
  }

  @Test
  void needs_room_for_a_snapshot_the_size_of_the_newest_one() throws Exception {
    Instant now = Instant.now();
    sparse("pre-update-old.zip", free() + TIB, now.minusSeconds(3600));
    sparse("pre-update-new.zip", 20 * MIB, now);
    sparse("pre-update-new.manifest.json", free() + TIB, now.plusSeconds(60));

    DiskReport report = disk.checkDisk(plan(MIB));
    assertEquals(21 * MIB, report.requiredBytes());

    sparse("pre-update-newest.zip", free() + TIB, now.plusSeconds(120));
    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> disk.checkDisk(plan(MIB)));
    assertEquals(FailureTypes.DISK_LOW, failure.getType());
    assertTrue(
        failure.getOriginalMessage().contains("need 1 MiB + "), failure.getOriginalMessage());
    assertTrue(failure.getOriginalMessage().contains(" for a snapshot"));
  }

  @Test
  void writes_sizes_for_people() {
    assertEquals("512 B", Sizes.human(512));
    assertEquals("311 MiB", Sizes.human(311 * MIB));
    assertEquals("1.5 GiB", Sizes.human(1536 * MIB));
    assertEquals("2 TiB", Sizes.human(2 * TIB));
  }
}
