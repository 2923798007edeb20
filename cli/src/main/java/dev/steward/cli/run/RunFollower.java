package dev.steward.cli.run;

import dev.steward.cli.UsageException;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.pipeline.StepResult;
import dev.steward.workflows.pipeline.StepStatus;
import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.recovery.RecoveryWorkflow;
import dev.steward.workflows.recovery.RestoreWorkflow;
import dev.steward.workflows.update.UpdateResult;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/** Follows a run to its end, printing each step as it finishes. */
public final class RunFollower {
  private static final long POLL_MILLIS = 300;

  private final RunPrinter printer;
  private int printedSteps;

  public RunFollower(RunPrinter printer) {
    this.printer = printer;
  }

  /**
   * Waits for the run's result while printing its progress.
   *
   * @throws UsageException when the run could not start because the host's config rejects it
   * @throws PipelineRefusedException when it could not start for another reason (a busy target)
   */
  public UpdateResult follow(UpdateWorkflow run) throws InterruptedException {
    return follow(run, UpdateResult.class, UpdateResult::steps, run::progress);
  }

  /** Waits for a recovery run's result while printing its progress; refusals as for an update. */
  public RecoveryResult follow(RecoveryWorkflow run) throws InterruptedException {
    return follow(run, RecoveryResult.class, RecoveryResult::steps, run::progress);
  }

  /**
   * Waits for a restore run's result while printing its progress; a run that fails outright (a
   * snapshot the host does not know) ends in a {@link PipelineRefusedException} with its message.
   */
  public RecoveryResult follow(RestoreWorkflow run) throws InterruptedException {
    return follow(run, RecoveryResult.class, RecoveryResult::steps, run::progress);
  }

  /**
   * Follows any pipeline run that reports its steps.
   *
   * @param run the typed stub of the started run
   * @param type its result's class
   * @param steps the steps in a result
   * @param progress asks the run for its steps so far (a query)
   */
  <R> R follow(
      Object run,
      Class<R> type,
      Function<R, List<StepResult>> steps,
      Supplier<List<StepResult>> progress)
      throws InterruptedException {
    WorkflowStub stub = WorkflowStub.fromTyped(run);
    printer.started(stub.getExecution().getWorkflowId());
    CompletableFuture<R> result = stub.getResultAsync(type);
    while (true) {
      try {
        R done = result.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
        printNew(steps.apply(done));
        return done;
      } catch (TimeoutException stillRunning) {
        printNew(progressOf(progress));
      } catch (ExecutionException e) {
        throw refusal(e.getCause());
      }
    }
  }

  private void printNew(List<StepResult> steps) {
    for (; printedSteps < steps.size(); printedSteps++) {
      StepResult step = steps.get(printedSteps);
      if (step.status().equals(StepStatus.RUNNING)) {
        return;
      }
      printer.step(step);
    }
  }

  private static List<StepResult> progressOf(Supplier<List<StepResult>> progress) {
    try {
      return progress.get();
    } catch (WorkflowException e) {
      // The run may not have had its first workflow task yet; the next poll asks again.
      return List.of();
    }
  }

  /**
   * What a run that failed outright means for the command: a config the host rejects is a usage
   * error (exit 2), anything else a refusal with the failure's message (exit 1).
   */
  static RuntimeException refusal(Throwable failure) {
    Throwable cause = failure;
    while (cause != null && !(cause instanceof ApplicationFailure)) {
      cause = cause.getCause();
    }
    if (cause instanceof ApplicationFailure application) {
      String message = application.getOriginalMessage();
      return FailureTypes.CONFIG_INVALID.equals(application.getType())
          ? new UsageException(message)
          : new PipelineRefusedException(message);
    }
    return new PipelineRefusedException("the run failed: " + failure.getMessage());
  }
}
