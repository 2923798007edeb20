package dev.steward.worker.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.activities.snapshot.BenchmarkStates;
import dev.steward.worker.Pipelines;
import dev.steward.worker.StewardTestServers;
import dev.steward.worker.TestTarget;
import dev.steward.workflows.pipeline.StepResult;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usual night, nothing new upstream, before and after the look before the snapshot: the same 40
 * MiB state, five runs each, on Temporal's test server with the real activities. "Before" is an
 * update command without {@code update.check} ({@code git pull --ff-only}), which still takes that
 * path: disk, revision, snapshot, update, prune, status. Not a test: surefire runs it only when
 * {@code -Dtest} names it; docs/benchmarks.md has the command and the last figures.
 */
class NoOpNightBenchmark {
  private static final int RUNS = 5;
  private static final int MIB = 1 << 20;

  @TempDir Path tmp;

  @Test
  void a_night_with_nothing_new_before_and_after_the_look() throws Exception {
    List<long[]> before = nights(tmp.resolve("before"), true);
    List<long[]> after = nights(tmp.resolve("after"), false);
    System.out.println("| path | steps (ms) | run wall (ms) | snapshot bytes written |");
    System.out.println("|---|---|---|---|");
    print("before: snapshot, then find nothing", before);
    print("after: look first", after);
  }

  /** Each night's {sum of step durations, wall time of the run, snapshot bytes}. */
  private static List<long[]> nights(Path root, boolean withoutLook) throws Exception {
    TestTarget target = TestTarget.create(root);
    BenchmarkStates.writeText(target.state().resolve("memories"), 200, 100 * 1024);
    BenchmarkStates.writeRandom(target.state().resolve("db"), 20, MIB);
    if (withoutLook) {
      target.updateCommand("[git, pull, -q, --ff-only]");
    }
    TestWorkflowEnvironment env = StewardTestServers.newEnvironment(false);
    WorkerFactory worker = StewardTestServers.startWorker(env, target.config(), "test-host");
    List<long[]> nights = new ArrayList<>();
    try {
      for (int i = 0; i < RUNS; i++) {
        long start = System.nanoTime();
        UpdateResult result =
            WorkflowStub.fromTyped(
                    Pipelines.startUpdate(
                        env.getWorkflowClient(), TestTarget.NAME, "test-host", Clock.systemUTC()))
                .getResult(UpdateResult.class);
        long wall = (System.nanoTime() - start) / 1_000_000;
        assertEquals(UpdateOutcome.UNCHANGED, result.outcome(), result.message());
        long steps = result.steps().stream().mapToLong(StepResult::durationMs).sum();
        long bytes = result.snapshot() == null ? 0 : Files.size(Path.of(result.snapshot()));
        nights.add(new long[] {steps, wall, bytes});
      }
    } finally {
      worker.shutdownNow();
      worker.awaitTermination(5, TimeUnit.SECONDS);
      env.close();
    }
    return nights;
  }

  private static void print(String label, List<long[]> nights) {
    System.out.printf(
        "| %s | %d | %d | %d |%n", label, median(nights, 0), median(nights, 1), median(nights, 2));
  }

  private static long median(List<long[]> nights, int column) {
    return nights.stream()
        .mapToLong(n -> n[column])
        .sorted()
        .skip(nights.size() / 2)
        .findFirst()
        .orElseThrow();
  }
}
