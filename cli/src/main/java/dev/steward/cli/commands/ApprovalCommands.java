package dev.steward.cli.commands;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.update.ApprovalDecision;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code steward approve RUN} and {@code steward reject RUN}: answer a run that waits. */
public final class ApprovalCommands {
  private ApprovalCommands() {}

  /** Sends the answer as a Temporal update, whose validator refuses a wrong or late one. */
  static int answer(Steward steward, String run, ApprovalDecision decision) {
    StewardConfig config = steward.loadConfig();
    if (config.temporal().embedded()) {
      throw new UsageException(
          "approvals need the Temporal server the run is on; none is configured (set"
              + " temporal.address in "
              + config.source()
              + " or TEMPORAL_ADDRESS)");
    }
    try (TemporalConnection connection = TemporalConnection.connect(config.temporal())) {
      UpdateWorkflow workflow = connection.client().newWorkflowStub(UpdateWorkflow.class, run);
      steward.out().println(run + ": " + workflow.decide(decision));
      steward.out().flush();
      return ExitCodes.OK;
    } catch (WorkflowNotFoundException e) {
      throw new UsageException("no run " + run + " (list runs with: steward status)");
    } catch (WorkflowUpdateException e) {
      throw new UsageException(run + ": " + rootMessage(e));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.toString() : root.getMessage();
    return message.replaceAll("^.*?(this run|workflow)", "$1").strip();
  }

  /** Who answers, for the record: the user running the CLI. */
  static String user() {
    return System.getProperty("user.name", "someone") + " (cli)";
  }

  @Command(name = "approve", description = "Let a run that waits for approval restart its service.")
  public static final class Approve implements Callable<Integer> {
    @ParentCommand Steward steward;

    @Parameters(paramLabel = "RUN", description = "The run's workflow id.")
    String run;

    @Override
    public Integer call() {
      return answer(steward, run, new ApprovalDecision(true, user(), null));
    }
  }

  @Command(name = "reject", description = "Refuse a run's restart: it rolls back.")
  public static final class Reject implements Callable<Integer> {
    @ParentCommand Steward steward;

    @Parameters(paramLabel = "RUN", description = "The run's workflow id.")
    String run;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the record.")
    String reason;

    @Override
    public Integer call() {
      return answer(steward, run, new ApprovalDecision(false, user(), reason));
    }
  }
}
