package dev.steward.cli.commands;

import dev.steward.activities.pipeline.PlanSource.NoPlanException;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.cli.run.OutputFormat;
import dev.steward.cli.run.PipelineStart;
import dev.steward.cli.run.RolloutFollower;
import dev.steward.cli.run.RolloutPrinter;
import dev.steward.cli.run.RunPrinter;
import dev.steward.worker.Pipelines;
import dev.steward.worker.StewardRuntime;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.config.ConfigFleets;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.fleet.FleetApproval;
import dev.steward.workflows.fleet.FleetPlan;
import dev.steward.workflows.fleet.FleetRolloutRequest;
import dev.steward.workflows.fleet.FleetRolloutResult;
import dev.steward.workflows.fleet.FleetRolloutWorkflow;
import dev.steward.workflows.update.ApprovalDecision;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/**
 * {@code steward rollout …}: one revision across a fleet ({@code fleets:} in the config), as a
 * FleetRolloutWorkflow on the shared Temporal server. Each subcommand is a method: picocli gives it
 * this command's fields, so all share one connection path.
 */
@Command(
    name = "rollout",
    description = {
      "Roll one revision out across a fleet: the canary, then batches, each host's own update;",
      "a failure budget over the whole rollout, then halt or revert. Fleets are in fleets: of",
      "the config; every host's worker must poll the same Temporal server."
    },
    exitCodeList = {
      RolloutCommand.EXIT_0,
      RolloutCommand.EXIT_1,
      RolloutCommand.EXIT_2,
      RolloutCommand.EXIT_3,
      RolloutCommand.EXIT_4,
      RolloutCommand.EXIT_5
    })
public final class RolloutCommand {
  // Each subcommand lists them too: otherwise picocli shows the ones steward's own help inherits.
  static final String EXIT_0 =
      "0:start, follow: every host updated and healthy; the others: the rollout took the request";
  static final String EXIT_1 =
      "1:the rollout refused the request (not waiting for approval, already paused, ended),"
          + " or anything else";
  static final String EXIT_2 =
      "2:usage or configuration error (an unknown fleet or rollout, no shared server)";
  static final String EXIT_3 = "3:start, follow: halted, partial or reverted, every host healthy";
  static final String EXIT_4 = "4:start, follow: some host NOT healthy (outcome failed)";
  static final String EXIT_5 = "5:Temporal unreachable";
  @ParentCommand Steward steward;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      scope = ScopeType.INHERIT,
      description = "text (lines for people) or json (one object on stdout).")
  OutputFormat output;

  @Command(
      name = "start",
      exitCodeList = {EXIT_0, EXIT_1, EXIT_2, EXIT_3, EXIT_4, EXIT_5},
      description = {
        "Start a rollout of FLEET and follow it: host state changes, then the result.",
        "Without --revision, the newest commit of the target's remote ref when it starts."
      })
  int start(
      @Parameters(paramLabel = "FLEET", description = "A fleet named under fleets:.") String fleet,
      @Option(
              names = "--revision",
              paramLabel = "REV",
              description = "The commit every host goes to (it must be on each host's ref).")
          String revision,
      @Mixin PipelineStart start)
      throws InterruptedException {
    StewardConfig config = steward.loadConfig();
    FleetPlan plan = plan(config, fleet);
    if (config.temporal().embedded()) {
      refuseOnEmbedded(config, plan);
    }
    RunPrinter printer = new RunPrinter(steward, output);
    try (StewardRuntime runtime = start.open(steward, config)) {
      FleetRolloutRequest request = new FleetRolloutRequest(fleet, runtime.host(), revision);
      FleetRolloutWorkflow rollout =
          Pipelines.startRollout(runtime.client(), request, Clock.systemUTC());
      if (start.detached()) {
        return start.printWorkflowId(steward, rollout);
      }
      printer.starting("rolling out " + fleet + " from " + runtime.host(), runtime);
      int exit = follow(printer, rollout);
      runtime.runEnded();
      return exit;
    }
  }

  /** Follows a started rollout to its end; for {@code steward follow} too. */
  static int follow(RunPrinter printer, FleetRolloutWorkflow rollout) throws InterruptedException {
    FleetRolloutResult result = new RolloutFollower(printer).follow(rollout);
    new RolloutPrinter(printer, printer.format()).result(result);
    return ExitCodes.of(result);
  }

  @Command(
      name = "status",
      exitCodeList = {EXIT_0, EXIT_1, EXIT_2, EXIT_3, EXIT_4, EXIT_5},
      description = "Show where a rollout is: batch, failures and budget, each host and its run.")
  int status(@Parameters(paramLabel = "ID", description = "The rollout's workflow id.") String id) {
    return withRollout(id, rollout -> printer().status(id, rollout.status()));
  }

  @Command(
      name = "pause",
      exitCodeList = {EXIT_0, EXIT_1, EXIT_2, EXIT_3, EXIT_4, EXIT_5},
      description = "Start no more hosts; the hosts updating now finish.")
  int pause(@Parameters(paramLabel = "ID", description = "The rollout's workflow id.") String id) {
    return answer(id, "pause", FleetRolloutWorkflow::pause);
  }

  @Command(
      name = "resume",
      exitCodeList = {EXIT_0, EXIT_1, EXIT_2, EXIT_3, EXIT_4, EXIT_5},
      description = "Go on with a paused rollout.")
  int resume(@Parameters(paramLabel = "ID", description = "The rollout's workflow id.") String id) {
    return answer(id, "resume", FleetRolloutWorkflow::resume);
  }

  @Command(
      name = "approve",
      exitCodeList = {EXIT_0, EXIT_1, EXIT_2, EXIT_3, EXIT_4, EXIT_5},
      description = {
        "Answer a rollout that waits at an approval gate: go on to the next batch,",
        "or with --reject revert every host updated so far."
      })
  int approve(
      @Parameters(paramLabel = "ID", description = "The rollout's workflow id.") String id,
      @Option(names = "--reject", description = "Refuse: revert the hosts updated so far.")
          boolean reject,
      @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the record.")
          String reason) {
    ApprovalDecision decision = new ApprovalDecision(!reject, ApprovalCommands.user(), reason);
    return answer(id, reject ? "reject" : "approve", rollout -> rollout.approve(decision));
  }

  @Command(
      name = "abort",
      exitCodeList = {EXIT_0, EXIT_1, EXIT_2, EXIT_3, EXIT_4, EXIT_5},
      description = {
        "Stop a rollout: no more hosts start, the updating ones finish;",
        "with --revert, every host it updated is then rolled back, code and data."
      })
  int abort(
      @Parameters(paramLabel = "ID", description = "The rollout's workflow id.") String id,
      @Option(names = "--revert", description = "Also roll back every host it updated.")
          boolean revert) {
    return answer(id, revert ? "abort --revert" : "abort", rollout -> rollout.abort(revert));
  }

  private int answer(String id, String request, Function<FleetRolloutWorkflow, String> send) {
    return withRollout(
        id, rollout -> printer().answer(id, request, RolloutRequests.send(id, rollout, send)));
  }

  private RolloutPrinter printer() {
    return new RolloutPrinter(new RunPrinter(steward, output), output);
  }

  /** Runs {@code action} on the rollout {@code id} of the configured server. */
  private int withRollout(String id, Consumer<FleetRolloutWorkflow> action) {
    StewardConfig config = steward.loadConfig();
    if (config.temporal().embedded()) {
      throw new UsageException(
          "rollouts live on the shared Temporal server; none is configured (set temporal.address"
              + " in "
              + config.source()
              + " or TEMPORAL_ADDRESS)");
    }
    try (TemporalConnection connection = TemporalConnection.connect(config.temporal())) {
      RolloutRequests.call(
          id, connection.client(), () -> action.accept(RolloutRequests.stub(connection, id)));
      steward.out().flush();
      return ExitCodes.OK;
    }
  }

  private static FleetPlan plan(StewardConfig config, String fleet) {
    try {
      return new ConfigFleets(() -> config).fleet(fleet);
    } catch (NoPlanException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The embedded server lives inside this command: only this host's worker can reach it, and no
   * other command can answer its approval gates.
   */
  private static void refuseOnEmbedded(StewardConfig config, FleetPlan plan) {
    List<String> others =
        plan.hosts().stream().filter(host -> !host.equals(config.host())).toList();
    String fix =
        ": set temporal.address in " + config.source() + " (or TEMPORAL_ADDRESS) and run a worker";
    if (!others.isEmpty()) {
      throw new UsageException(
          "fleet "
              + plan.fleet()
              + " has hosts other than this one ("
              + String.join(", ", others)
              + "), and a fleet needs a shared Temporal server that every host's worker polls"
              + fix
              + " on each host");
    }
    if (plan.approval() != FleetApproval.NONE) {
      throw new UsageException(
          "fleet "
              + plan.fleet()
              + " waits for approval ("
              + plan.approval()
              + "), and `steward rollout approve` cannot reach the embedded server inside this"
              + " command"
              + fix);
    }
  }
}
