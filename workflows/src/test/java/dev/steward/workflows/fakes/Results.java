package dev.steward.workflows.fakes;

import dev.steward.workflows.pipeline.StepResult;
import dev.steward.workflows.pipeline.StepStatus;
import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.update.UpdateResult;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the tests read from results and progress, as the strings people see. The one place that
 * knows the result types' shape, so a change of it touches only this file.
 */
public final class Results {
  private Results() {}

  public static String outcomeOf(UpdateResult result) {
    return String.valueOf(result.outcome());
  }

  public static String outcomeOf(RecoveryResult result) {
    return String.valueOf(result.outcome());
  }

  /** Each step as {@code "name status"}, in order. */
  public static List<String> stepsOf(UpdateResult result) {
    return describe(result.steps());
  }

  public static List<String> stepsOf(RecoveryResult result) {
    return describe(result.steps());
  }

  /** Waits until the running step of {@code progress} is {@code step}. */
  public static void awaitRunning(Supplier<List<StepResult>> progress, String step)
      throws InterruptedException {
    String running = step + " " + StepStatus.RUNNING;
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    List<String> seen = List.of();
    while (System.nanoTime() < deadline) {
      seen = describe(progress.get());
      if (!seen.isEmpty() && seen.get(seen.size() - 1).equals(running)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the run never reached " + step + "; its steps: " + seen);
  }

  private static List<String> describe(List<StepResult> steps) {
    return steps.stream().map(s -> s.name() + " " + s.status()).toList();
  }
}
