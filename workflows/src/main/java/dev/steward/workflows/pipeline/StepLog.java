package dev.steward.workflows.pipeline;

import dev.steward.workflows.host.StageReport;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The steps of one pipeline run: runs each, times it with workflow time, and keeps what people see
 * (the progress query, the result, the web UI's current details). Deterministic: it only reads
 * {@link Workflow#currentTimeMillis()}.
 */
public final class StepLog {
  /** Steward's step timer; Prometheus shows it as {@code steward_step_duration_seconds}. */
  public static final String STEP_DURATION_METRIC = "steward_step_duration";

  private final List<StepResult> finished = new ArrayList<>();
  private final Pipeline pipeline;
  private final Supplier<TargetPlan> plan;
  private Step runningStep;
  private String runningPosition;
  private long runningSince;

  /**
   * @param pipeline whose planned steps the positions count ("3/12")
   * @param plan the run's plan, null until it is read: the steps' labels name its details
   */
  public StepLog(Pipeline pipeline, Supplier<TargetPlan> plan) {
    this.pipeline = pipeline;
    this.plan = plan;
  }

  /**
   * Runs one step. A failed activity is recorded and rethrown as {@link StepFailedException}, with
   * the activity's own one-line message.
   */
  public <T> T run(Step step, Supplier<T> action, Function<? super T, String> describe) {
    return check(step, action, describe, value -> true);
  }

  /**
   * Runs one step whose activity reports a verdict rather than failing: the step is recorded as
   * failed when {@code passed} says so, and its value is returned either way.
   */
  public <T> T check(
      Step step,
      Supplier<T> action,
      Function<? super T, String> describe,
      Predicate<? super T> passed) {
    start(step);
    try {
      T value = action.get();
      finish(step, passed.test(value) ? StepStatus.OK : StepStatus.FAILED, describe.apply(value));
      return value;
    } catch (ActivityFailure failure) {
      String message = FailureReason.of(failure);
      finish(step, StepStatus.FAILED, message);
      throw new StepFailedException(step, typeOf(failure), message);
    }
  }

  /** Runs a step that returns nothing, recording {@code message} when it succeeds. */
  public void run(Step step, Runnable action, String message) {
    run(
        step,
        () -> {
          action.run();
          return message;
        },
        Function.identity());
  }

  /**
   * Runs a step that returns nothing, recording {@code message} when it succeeds; whether it did.
   * For steps whose failure the caller reports rather than propagates (a rollback goes on after
   * one).
   */
  public boolean attempt(Step step, Runnable action, String message) {
    try {
      run(step, action, message);
      return true;
    } catch (StepFailedException e) {
      return false;
    }
  }

  /**
   * Runs several steps as one activity (a {@link StageReport}) and records each as its own step, as
   * {@link #recordStage}.
   *
   * @return the report
   * @throws StepFailedException naming the first step that failed, once all are recorded
   */
  public StageReport runStage(
      List<Step> expected,
      Supplier<StageReport> action,
      BiFunction<Step, StageReport, String> describe) {
    StageReport report = recordStage(expected, action, describe);
    for (StageReport.Part part : report.parts()) {
      if (part.failure() != null) {
        throw new StepFailedException(
            Step.valueOf(part.step()), part.failureType(), part.failure());
      }
    }
    return report;
  }

  /**
   * Runs several steps as one activity and records each as its own step, in the order the host ran
   * them, with the host's time for each; the round trip counts in the first. Meanwhile the running
   * step is {@code expected}'s first. A failed step is recorded as failed, not thrown.
   *
   * @param expected the steps recorded as failed when the activity failed without a report
   *     (refused, or timed out before it could say)
   * @param describe the message of a step that succeeded, from the report
   * @return the report; one that failed without a report has only its failed parts
   */
  public StageReport recordStage(
      List<Step> expected,
      Supplier<StageReport> action,
      BiFunction<Step, StageReport, String> describe) {
    start(expected.get(0));
    StageReport report;
    try {
      report = action.get();
    } catch (ActivityFailure failure) {
      report = reportOf(failure);
      if (report == null) {
        String message = FailureReason.of(failure);
        String type = typeOf(failure);
        report =
            new StageReport(
                expected.stream()
                    .map(step -> new StageReport.Part(step.name(), 0, message, type))
                    .toList(),
                null,
                null,
                null,
                null);
      }
    }
    long total = elapsed();
    long others = report.parts().stream().skip(1).mapToLong(StageReport.Part::durationMs).sum();
    for (int i = 0; i < report.parts().size(); i++) {
      StageReport.Part part = report.parts().get(i);
      Step step = Step.valueOf(part.step());
      long took = i == 0 ? Math.max(0, total - others) : part.durationMs();
      if (part.failure() == null) {
        record(step, StepStatus.OK, took, describe.apply(step, report));
      } else {
        record(step, StepStatus.FAILED, took, part.failure());
      }
    }
    runningStep = null;
    // The details end at the stage's last step, as when each step was an activity of its own: a
    // finished run shows "13/13 writing the status file", not the stage's first step.
    if (!report.parts().isEmpty()) {
      Step last = Step.valueOf(report.parts().get(report.parts().size() - 1).step());
      showRunning(last, finished.size());
    }
    return report;
  }

  /** Records a step that did not need to run. */
  public void skip(Step step, String why) {
    finished.add(new StepResult(step.wire(), StepStatus.SKIPPED, 0, why));
  }

  /** Every finished step, then the running one, if any. */
  public List<StepResult> progress() {
    List<StepResult> all = new ArrayList<>(finished);
    if (runningStep != null) {
      all.add(
          new StepResult(
              runningStep.wire(),
              StepStatus.RUNNING,
              Workflow.currentTimeMillis() - runningSince,
              ""));
    }
    return all;
  }

  /**
   * Shows a health wait's live progress in the current details while a step that {@link
   * Step#checksHealth() checks health} runs; does nothing at any other time, so a late report of a
   * finished wait cannot overwrite the next step's details. Changes no command: replay-safe.
   */
  public void showHealthProgress(HealthProgress progress) {
    if (runningStep == null || !runningStep.checksHealth()) {
      return;
    }
    Workflow.setCurrentDetails(
        runningPosition + " " + runningStep.phase() + "verifying health: " + progress.describe());
  }

  /** Every finished step. */
  public List<StepResult> finished() {
    return List.copyOf(finished);
  }

  private void start(Step step) {
    runningStep = step;
    runningSince = Workflow.currentTimeMillis();
    showRunning(step, finished.size() + 1);
  }

  /**
   * The current details of {@code step} at {@code position}, e.g. "3/12 snapshotting the state".
   */
  private void showRunning(Step step, int position) {
    int planned = pipeline.plannedSteps(plan.get());
    runningPosition = position + "/" + Math.max(planned, position);
    Workflow.setCurrentDetails(runningPosition + " " + step.label(plan.get()));
  }

  private void finish(Step step, StepStatus status, String message) {
    record(step, status, elapsed(), message);
    runningStep = null;
  }

  private long elapsed() {
    return Workflow.currentTimeMillis() - runningSince;
  }

  private void record(Step step, StepStatus status, long took, String message) {
    finished.add(new StepResult(step.wire(), status, took, message));
    // The workflow metrics scope reports nothing while replaying, so each step is counted once.
    Workflow.getMetricsScope()
        .tagged(Map.of("step", step.wire(), "status", status.wire()))
        .timer(STEP_DURATION_METRIC)
        .record(com.uber.m3.util.Duration.ofMillis(took));
  }

  /** The report a stage's failure carries as its details, or null. */
  private static StageReport reportOf(ActivityFailure failure) {
    if (failure.getCause() instanceof ApplicationFailure application
        && application.getDetails().getSize() > 0) {
      return application.getDetails().get(StageReport.class);
    }
    return null;
  }

  private static String typeOf(ActivityFailure failure) {
    return failure.getCause() instanceof ApplicationFailure application
        ? application.getType()
        : "";
  }
}
