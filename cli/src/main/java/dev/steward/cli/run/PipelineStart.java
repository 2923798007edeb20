package dev.steward.cli.run;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.worker.StewardRuntime;
import dev.steward.worker.config.StewardConfig;
import io.temporal.client.WorkflowStub;
import picocli.CommandLine.Option;

/**
 * What the commands that start a pipeline run share ({@code update}, {@code recover}): the {@code
 * --detach} option, its refusal on the embedded server, opening the runtime, and printing the
 * started run's id. A picocli mixin: {@code @Mixin PipelineStart start;}.
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
}
