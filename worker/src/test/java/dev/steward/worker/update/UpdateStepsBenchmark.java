package dev.steward.worker.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.workflows.pipeline.StepResult;
import dev.steward.workflows.pipeline.StepStatus;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each step of a real update costs: a new release published, then the update pipeline run on
 * Temporal's test server with the real activities against a real git checkout and service, ten
 * times on one worker (after one warm-up run that loads the classes). Prints each step's median
 * duration and the median of the non-health steps' sum. Not a test: surefire runs it only when
 * {@code -Dtest} names it; docs/benchmarks.md has the command and the last figures.
 */
class UpdateStepsBenchmark {
  private static final int RUNS = 10;

  /** The steps that are mostly a round trip: a file or two read or written on the host. */
  private static final Set<String> QUICK =
      Set.of("plan", "lock", "hold", "disk", "revision", "prune", "good-release", "status");

  @TempDir Path tmp;

  @Test
  void the_steps_of_an_update_from_one_release_to_the_next() throws Exception {
    Map<String, List<Long>> byStep = new LinkedHashMap<>();
    List<Long> nonHealth = new ArrayList<>();
    List<Long> quick = new ArrayList<>();
    List<Long> walls = new ArrayList<>();
    try (UpdateHarness harness = new UpdateHarness(tmp)) {
      for (int i = 0; i <= RUNS; i++) {
        harness.target.publish("healthy v" + (i + 2));
        long start = System.nanoTime();
        UpdateResult result = harness.runUpdate();
        long wall = (System.nanoTime() - start) / 1_000_000;
        assertEquals(UpdateOutcome.UPDATED, result.outcome(), result.message());
        if (i == 0) {
          continue; // the warm-up: the worker's classes load during its first steps
        }
        walls.add(wall);
        long sum = 0;
        long quickSum = 0;
        for (StepResult step : result.steps()) {
          if (step.status() == StepStatus.SKIPPED) {
            continue;
          }
          byStep.computeIfAbsent(step.name(), n -> new ArrayList<>()).add(step.durationMs());
          if (!step.name().equals("health")) {
            sum += step.durationMs();
          }
          if (QUICK.contains(step.name())) {
            quickSum += step.durationMs();
          }
        }
        nonHealth.add(sum);
        quick.add(quickSum);
      }
    }
    System.out.println("| step | median (ms) | runs (ms) |");
    System.out.println("|---|---|---|");
    byStep.forEach(
        (name, took) -> System.out.printf("| %s | %d | %s |%n", name, median(took), took));
    System.out.printf("| non-health steps, sum | %d | %s |%n", median(nonHealth), nonHealth);
    System.out.printf("| quick host steps (%s), sum | %d | %s |%n", QUICK, median(quick), quick);
    System.out.printf("| run wall time | %d | %s |%n", median(walls), walls);
  }

  private static long median(List<Long> values) {
    return values.stream().sorted().skip(values.size() / 2).findFirst().orElseThrow();
  }
}
