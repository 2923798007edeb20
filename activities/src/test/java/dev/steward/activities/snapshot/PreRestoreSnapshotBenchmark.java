package dev.steward.activities.snapshot;

import static dev.steward.activities.testing.Shell.git;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.TargetPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a pre-restore snapshot costs on a 100 MiB state directory: half compressible text (JSON
 * lines, as an agent's memory and logs are), half random bytes (as a SQLite file or an embedding
 * index barely compresses). Prints its figures; asserts only that the copy verifies. Not a test:
 * surefire runs it only when {@code -Dtest} names it; see docs/benchmarks.md for the command and
 * the last figures.
 */
class PreRestoreSnapshotBenchmark {
  private static final int MIB = 1024 * 1024;

  @TempDir Path root;

  @Test
  void a_pre_restore_snapshot_of_100_mib() throws Exception {
    Path checkout = Files.createDirectories(root.resolve("app"));
    git(checkout, "init", "-q", "-b", "main");
    Files.writeString(checkout.resolve("app.txt"), "v2\n");
    git(checkout, "add", "-A");
    git(checkout, "commit", "-q", "-m", "v2");
    Path state = Files.createDirectories(root.resolve("data"));
    BenchmarkStates.writeText(state.resolve("memories"), 512, 100 * 1024);
    BenchmarkStates.writeRandom(state.resolve("db"), 50, MIB);
    Path backups = root.resolve("backups");
    TargetPlan plan = Plans.plan("bench", checkout, state, Plans.builtIn(backups, 7));
    SnapshotActivitiesImpl snapshots = new SnapshotActivitiesImpl();

    for (int run = 1; run <= 3; run++) {
      AtomicLong peak = new AtomicLong();
      AtomicBoolean done = new AtomicBoolean();
      long before = sizeOf(backups);
      Thread sampler =
          new Thread(
              () -> {
                while (!done.get()) {
                  peak.accumulateAndGet(sizeOf(backups) - before, Math::max);
                  sleepBriefly(); // Not a busy loop: it would take a core from the snapshot.
                }
              });
      sampler.start();
      long start = System.nanoTime();
      SnapshotInfo copy = snapshots.takePreRestoreSnapshot(plan, "bench/" + run + "/pre-restore");
      long millis = (System.nanoTime() - start) / 1_000_000;
      done.set(true);
      sampler.join();
      peak.accumulateAndGet(sizeOf(backups) - before, Math::max);
      long verifyStart = System.nanoTime();
      SnapshotInfo found =
          snapshots.findSnapshot(plan, Path.of(copy.file()).getFileName().toString());
      long verifyMillis = (System.nanoTime() - verifyStart) / 1_000_000;
      assertEquals(copy, found);
      System.out.printf(
          "bench run %d: state %.1f MiB, pre-restore snapshot %d ms, archive %.1f MiB,"
              + " peak extra disk %.1f MiB, verify again %d ms%n",
          run,
          sizeOf(state) / (double) MIB,
          millis,
          copy.bytes() / (double) MIB,
          peak.get() / (double) MIB,
          verifyMillis);
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long sizeOf(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(PreRestoreSnapshotBenchmark::size).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0; // A file renamed while we walked: the next sample counts it.
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException gone) {
      return 0;
    }
  }
}
