package dev.steward.worker.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.snapshot.SnapshotActivitiesImpl;
import dev.steward.workflows.host.SnapshotListing;
import dev.steward.workflows.recovery.RecoveryOutcome;
import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.update.UpdateOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's scenario with a real service and real data: update v1 to v2 (healthy, snapshot taken
 * before it), a day of data written, then the code broken behind Steward's back. Recovery goes back
 * to the last known good release first and loses nothing.
 */
class RecoveryLadderTest {
  @TempDir Path tmp;
  private RecoveryHarness harness;
  private String v1;
  private String dataBeforeTheUpdate;
  private String v2;

  @BeforeEach
  void updateToAHealthyV2() throws Exception {
    harness = new RecoveryHarness(tmp);
    harness.startHealthy();
    v1 = harness.target.revision();
    dataBeforeTheUpdate = harness.target.stateDigest();
    v2 = harness.target.publish("healthy v2");
    assertEquals(UpdateOutcome.UPDATED, harness.update().outcome());
    Path state = harness.target.state();
    Files.writeString(state.resolve("memories.md"), "what the agent learnt on day 2\n");
    byte[] index = new byte[64 * 1024];
    new Random(13).nextBytes(index);
    Files.write(state.resolve("day2-index.db"), index);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void puts_the_code_back_to_the_last_known_good_and_keeps_every_byte_written_since()
      throws Exception {
    String dataOfTheDay = harness.target.stateDigest();
    List<Path> snapshotsBefore = harness.target.snapshots();
    harness.target.checkOutBehindStewardsBack("never-healthy v3");
    harness.killService();

    RecoveryResult result = harness.recover();

    assertEquals(RecoveryOutcome.ROLLED_BACK, result.outcome(), result.message() + result.steps());
    assertEquals(v2, harness.target.revision(), "code at the last known good, not at v1");
    assertEquals(dataOfTheDay, harness.target.stateDigest(), "not one byte of the day lost");
    assertTrue(result.recoveredBy().contains(v2.substring(0, 7)), result.recoveredBy());
    assertNull(result.preRestoreSnapshot(), "nothing was restored, so nothing needed a copy");
    assertEquals(snapshotsBefore, harness.target.snapshots());
    assertTrue(harness.service.verifyHealth(harness.plan()).healthy());
  }

  @Test
  void restores_the_snapshot_when_the_good_code_cannot_start_on_the_data_and_keeps_that_data()
      throws Exception {
    harness.target.checkOutBehindStewardsBack("never-healthy v3");
    harness.corruptData();
    Path state = harness.target.state();
    byte[] memories = Files.readAllBytes(state.resolve("memories.md"));
    harness.killService();

    RecoveryResult result = harness.recover();

    assertEquals(RecoveryOutcome.ROLLED_BACK, result.outcome(), result.message() + result.steps());
    assertTrue(harness.service.verifyHealth(harness.plan()).healthy());
    assertEquals(v1, harness.target.revision(), "the snapshot's code, with its data");
    assertEquals(dataBeforeTheUpdate, harness.target.stateDigest());
    Path kept = Path.of(result.preRestoreSnapshot());
    try (ZipFile copy = new ZipFile(kept.toFile())) {
      assertEquals("corrupt\n", entry(copy, "schema.txt"), "the corrupted bytes, exactly");
      assertEquals(new String(memories, StandardCharsets.UTF_8), entry(copy, "memories.md"));
    }
    SnapshotListing listed =
        new SnapshotActivitiesImpl()
            .listSnapshots(harness.plan()).stream()
                .filter(l -> l.file().equals(kept.getFileName().toString()))
                .findFirst()
                .orElseThrow();
    assertEquals("pre-restore", listed.kind());
    assertTrue(listed.verifies(), listed.problem());
  }

  private static String entry(ZipFile zip, String name) throws Exception {
    return new String(
        zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
  }
}
