package dev.steward.cli.commands;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.worker.Pipelines;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.schedule.ScheduleSync;
import dev.steward.worker.schedule.ScheduleText;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code steward schedule …}: the nightly update as Temporal Schedules, from the config. Each
 * subcommand is a method: picocli gives it this command's fields, so all share one connection path.
 */
@Command(
    name = "schedule",
    description = {
      "Manage the targets' update schedules on the Temporal server (not the in-memory one).",
      "Each target's schedule.update in the config becomes a schedule with id update/TARGET/HOST."
    })
public final class ScheduleCommand {
  @ParentCommand Steward steward;

  @Command(
      name = "apply",
      description = {
        "Create, replace or delete schedules to match the config (targets' schedule.update,",
        "fleets' schedule.rollout as rollout/FLEET; a target of this host in a fleet with a",
        "rollout schedule gets none of its own), and start the monitors schedule.monitor asks for."
      })
  int apply() {
    StewardConfig config = steward.loadConfig();
    return withServer(
        (sync, client) -> {
          List<String> lines =
              new ArrayList<>(
                  sync.apply(config.nightlyUpdateSchedules(), config.rolloutSchedules()));
          config.monitoredTargets().forEach(t -> lines.add(keepMonitor(client, config, t)));
          return lines;
        });
  }

  @Command(name = "list", description = "List this host's schedules with their next run.")
  int list() {
    return withSchedules(ScheduleSync::list);
  }

  @Command(name = "describe", description = "Show what the server says of a target's schedule.")
  int describe(@Parameters(paramLabel = "TARGET") String target) {
    return withSchedules(sync -> ScheduleText.describe(sync.describe(target)));
  }

  @Command(name = "trigger", description = "Start a target's scheduled update now.")
  int trigger(@Parameters(paramLabel = "TARGET") String target) {
    return withSchedules(
        sync -> {
          sync.trigger(target);
          return List.of(
              "asked the server to start the update of "
                  + target
                  + " now (it skips this if a run is still going)");
        });
  }

  @Command(name = "pause", description = "Pause a target's schedule.")
  int pause(
      @Parameters(paramLabel = "TARGET") String target,
      @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "paused with steward")
          String reason) {
    return withSchedules(
        sync -> {
          sync.pause(target, reason);
          return List.of("paused the update schedule of " + target + ": " + reason);
        });
  }

  @Command(name = "resume", description = "Resume a paused schedule.")
  int resume(@Parameters(paramLabel = "TARGET") String target) {
    return withSchedules(
        sync -> {
          sync.resume(target);
          return List.of("resumed the update schedule of " + target);
        });
  }

  @Command(name = "delete", description = "Delete a target's schedule from the server.")
  int delete(@Parameters(paramLabel = "TARGET") String target) {
    return withSchedules(
        sync -> {
          sync.delete(target);
          return List.of("deleted the update schedule of " + target);
        });
  }

  /** Starts the target's monitor unless it already runs (a schedule of its own, in effect). */
  private static String keepMonitor(WorkflowClient client, StewardConfig config, String target) {
    String id = Pipelines.monitorId(target, config.host());
    try {
      Pipelines.startMonitor(client, target, config.host(), false, Clock.systemUTC());
      return "started " + id;
    } catch (WorkflowExecutionAlreadyStarted running) {
      return "unchanged " + id + " (running)";
    } catch (Pipelines.OldMonitorBusyException busy) {
      return busy.getMessage();
    }
  }

  /** Runs {@code action} against this host's schedules on the configured server. */
  private int withSchedules(Function<ScheduleSync, List<String>> action) {
    return withServer((sync, client) -> action.apply(sync));
  }

  /** Runs {@code action} with this host's schedules and a client of the configured server. */
  private int withServer(BiFunction<ScheduleSync, WorkflowClient, List<String>> action) {
    StewardConfig config = steward.loadConfig();
    if (config.temporal().embedded()) {
      throw new UsageException(
          "schedules need a Temporal server that keeps them, and the embedded in-memory one has no"
              + " Schedules API: set temporal.address in "
              + config.source()
              + " (or TEMPORAL_ADDRESS) to a server such as `temporal server start-dev"
              + " --db-filename FILE`");
    }
    try (TemporalConnection connection = TemporalConnection.connect(config.temporal())) {
      ScheduleSync sync =
          new ScheduleSync(connection.schedules(), config.host(), connection.description());
      action.apply(sync, connection.client()).forEach(steward.out()::println);
      steward.out().flush();
      return ExitCodes.OK;
    }
  }
}
