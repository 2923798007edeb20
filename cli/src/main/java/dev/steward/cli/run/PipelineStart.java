package dev.steward.cli.run;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.worker.StewardRuntime;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.recovery.RecoveryResult;
import io.temporal.client.WorkflowStub;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * What the commands that start a pipeline run share ({@code update}, {@code recover}, {@code
 * restore}): the {@code --detach} option, its refusal on the embedded server, opening the runtime,
 * printing the started run's id, and the one way a recovery-like run is started and followed. A
 * picocli mixin: {@code @Mixin PipelineStart start;}.
 */
public final class PipelineStart {
  @Option(
      names = "--detach",
      description = {
        "Print the run's workflow id and exit 0 once it has started;",
        "follow it later with: steward follow WORKFLOW_ID. Needs a configured server."
      })
  boolean detach;

  /**
   * Opens the worker runtime for one run.
   *
   * @throws UsageException when {@code --detach} is asked of the embedded server, whose runs end
   *     with this command
   */
  public StewardRuntime open(Steward steward, StewardConfig config) {
    if (detach && config.temporal().embedded()) {
      throw new UsageException(
          "--detach needs a Temporal server that outlives this command: set temporal.address in "
              + config.source()
              + " or TEMPORAL_ADDRESS (the embedded server ends with the command)");
    }
    return StewardRuntime.open(config, steward::loadConfig);
  }

  /** Whether to print the run's id and leave instead of following it. */
  public boolean detached() {
    return detach;
  }

  /** Prints the started run's workflow id alone on stdout (for scripts); exit code 0. */
  public int printWorkflowId(Steward steward, Object run) {
    steward.out().println(WorkflowStub.fromTyped(run).getExecution().getWorkflowId());
    steward.out().flush();
    return ExitCodes.OK;
  }

  /**
   * Starts a run whose result is a {@link RecoveryResult} ({@code recover}, {@code restore}) and
   * prints its id when detached, else follows it live and prints its result.
   *
   * @param doing what the run does, for the first line ("recovering demo"); the host is appended
   * @param start starts the run on the runtime's client and returns its typed stub
   * @param follow follows that stub to its result
   * @return the exit code: {@link ExitCodes#of(RecoveryResult)}, or 0 when detached
   */
  public <W> int recovery(
      Steward steward,
      StewardConfig config,
      OutputFormat output,
      String doing,
      Function<StewardRuntime, W> start,
      Follow<W> follow)
      throws InterruptedException {
    RunPrinter printer = new RunPrinter(steward, output);
    try (StewardRuntime runtime = open(steward, config)) {
      if (detach) {
        return printWorkflowId(steward, start.apply(runtime));
      }
      printer.starting(doing + " on " + runtime.host(), runtime);
      W run = start.apply(runtime);
      RecoveryResult result = follow.follow(new RunFollower(printer), run);
      runtime.runEnded();
      printer.result(result);
      return ExitCodes.of(result);
    }
  }

  /** Follows a started run's typed stub to its result, e.g. {@code RunFollower::follow}. */
  @FunctionalInterface
  public interface Follow<W> {
    RecoveryResult follow(RunFollower follower, W run) throws InterruptedException;
  }
}
