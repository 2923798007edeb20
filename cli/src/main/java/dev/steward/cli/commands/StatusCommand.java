package dev.steward.cli.commands;

import static dev.steward.workflows.host.Revisions.short7;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.run.OutputFormat;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.TemporalUnreachableException;
import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.schedule.ScheduleSync;
import dev.steward.worker.status.StatusReader;
import dev.steward.worker.status.TargetStatus;
import dev.steward.workflows.host.GoodRelease;
import dev.steward.workflows.host.TargetPlan;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code steward status [TARGET]}: revision, last known good release, last run, running pipeline,
 * hold, next run.
 */
@Command(
    name = "status",
    description = {
      "Show each target's current revision, last known good release, last run, running",
      "pipeline, hold and next run.",
      "What cannot be known (no server, no schedule) is said, not an error."
    })
public final class StatusCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Parameters(paramLabel = "TARGET", arity = "0..1", description = "One target (default: all).")
  String target;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, or json (an array with one object per target).")
  OutputFormat output;

  @Override
  public Integer call() throws Exception {
    StewardConfig config = steward.loadConfig();
    List<TargetPlan> plans = selected(config);
    List<TargetStatus> statuses;
    if (config.temporal().embedded()) {
      String why = "unknown: no Temporal server configured (the embedded one keeps no schedules)";
      statuses = read(plans, name -> why);
    } else {
      statuses = readWithServer(config, plans);
    }
    PrintWriter out = steward.out();
    if (output == OutputFormat.JSON) {
      // Made here, not in a static field: picocli loads every command's class at start-up, and
      // Jackson's set-up is a third of a second that only this output needs.
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(json.writeValueAsString(statuses));
    } else {
      statuses.forEach(status -> print(out, status));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private List<TargetPlan> selected(StewardConfig config) {
    if (target == null) {
      return List.copyOf(config.targets().values());
    }
    Targets.require(config, target);
    return List.of(config.targets().get(target));
  }

  private List<TargetStatus> readWithServer(StewardConfig config, List<TargetPlan> plans) {
    try (TemporalConnection connection = TemporalConnection.connect(config.temporal())) {
      ScheduleSync schedules =
          new ScheduleSync(connection.schedules(), config.host(), connection.description());
      return read(plans, schedules::nextRun);
    } catch (TemporalUnreachableException e) {
      return read(plans, name -> "unknown: " + e.getMessage());
    }
  }

  private static List<TargetStatus> read(List<TargetPlan> plans, Function<String, String> next) {
    StatusReader reader = new StatusReader(next);
    return plans.stream().map(reader::read).toList();
  }

  private static void print(PrintWriter out, TargetStatus status) {
    out.println(status.target());
    out.println("  revision  " + status.revision());
    out.println("  good      " + good(status.goodRelease()));
    out.println("  last run  " + lastRun(status.lastRun()));
    out.println("  running   " + (status.running() == null ? "nothing" : status.running()));
    out.println("  hold      " + hold(status.hold()));
    out.println("  next run  " + status.nextRun());
  }

  private static String lastRun(Map<String, Object> run) {
    if (run == null) {
      return "none yet";
    }
    return run.get("status")
        + " ("
        + run.getOrDefault("outcome", "?")
        + ") at "
        + run.get("timestamp")
        + ", "
        + run.getOrDefault("workflowId", "no workflow id");
  }

  private static String good(GoodRelease good) {
    if (good == null) {
      return "none recorded yet (the first healthy run records it)";
    }
    if (good.verifiedAt() == null) {
      return good.revision();
    }
    return short7(good.revision())
        + " verified at "
        + good.verifiedAt()
        + " by "
        + good.workflowId();
  }

  private static String hold(Map<String, Object> hold) {
    if (hold == null) {
      return "none";
    }
    return "ON HOLD: "
        + hold.getOrDefault("reason", "no reason given")
        + " since "
        + hold.get("since")
        + " (release with: steward release TARGET)";
  }
}
