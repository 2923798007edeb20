package dev.steward.cli.commands;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.run.OutputFormat;
import dev.steward.cli.run.RunPrinter;
import dev.steward.worker.Pipelines;
import dev.steward.worker.StewardRuntime;
import dev.steward.worker.config.StewardConfig;
import dev.steward.workflows.host.Measurement;
import dev.steward.workflows.host.Metric;
import dev.steward.workflows.monitor.MonitorState;
import dev.steward.workflows.monitor.MonitorWorkflow;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowStub;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code steward monitor TARGET [--once]}: starts the target's monitor, or measures once. */
@Command(
    name = "monitor",
    description = {
      "Watch a target: the five metrics every monitor.every, alerts, heartbeat, recovery.",
      "--once measures once and prints each metric (exit 7 when any is beyond its threshold)."
    })
public final class MonitorCommand implements Callable<Integer> {
  private static final long POLL_MILLIS = 1000;

  @ParentCommand Steward steward;

  @Parameters(paramLabel = "TARGET", description = "A target named in the configuration.")
  String target;

  @Option(names = "--once", description = "Measure once, print, and exit.")
  boolean once;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json (--once: one object on stdout).")
  OutputFormat output;

  @Override
  public Integer call() throws Exception {
    StewardConfig config = steward.loadConfig();
    Targets.require(config, target);
    RunPrinter printer = new RunPrinter(steward, output);
    try (StewardRuntime runtime = StewardRuntime.open(config, steward::loadConfig)) {
      if (once) {
        MonitorWorkflow run =
            Pipelines.startMonitor(
                runtime.client(), target, runtime.host(), true, Clock.systemUTC());
        Measurement measurement = WorkflowStub.fromTyped(run).getResult(Measurement.class);
        print(printer, measurement);
        return measurement.anyAlert() ? ExitCodes.FINDINGS : ExitCodes.OK;
      }
      return watch(printer, runtime);
    }
  }

  private int watch(RunPrinter printer, StewardRuntime runtime) throws InterruptedException {
    MonitorWorkflow run;
    String id = Pipelines.monitorId(target, runtime.host());
    try {
      run =
          Pipelines.startMonitor(
              runtime.client(), target, runtime.host(), false, Clock.systemUTC());
    } catch (WorkflowExecutionAlreadyStarted e) {
      printer.text(target + ": its monitor already runs as " + id);
      return ExitCodes.OK;
    } catch (Pipelines.OldMonitorBusyException e) {
      printer.text(e.getMessage());
      return ExitCodes.OK;
    }
    printer.text("monitoring " + target + " as workflow " + id);
    if (!runtime.connection().isEmbedded()) {
      return ExitCodes.OK; // The host's worker runs it from here on.
    }
    printer.text("(embedded server: the monitor runs while this command runs; Ctrl-C stops it)");
    long printed = 0;
    while (true) {
      Thread.sleep(POLL_MILLIS);
      MonitorState state = run.state();
      if (state.latest() != null && state.cycles() > printed) {
        printed = state.cycles();
        printer.text(line(state));
      }
    }
  }

  private static String line(MonitorState state) {
    StringBuilder line = new StringBuilder(state.latest().time());
    for (Metric metric : state.latest().metrics()) {
      line.append("  ").append(metric.name()).append('=').append(metric.state());
    }
    if (state.lastRecovery() != null) {
      line.append("  last recovery: ").append(state.lastRecovery());
    }
    return line.toString();
  }

  private void print(RunPrinter printer, Measurement measurement) {
    if (output == OutputFormat.JSON) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("target", target);
      json.put("time", measurement.time());
      json.put("alert", measurement.anyAlert());
      json.put("metrics", measurement.metrics());
      printer.json(json);
      return;
    }
    printer.text(target + " at " + measurement.time());
    for (Metric metric : measurement.metrics()) {
      printer.text(
          String.format(
              Locale.ROOT,
              "  %-7s %-7s %s%s",
              metric.state().equals(Metric.ALERT) ? "ALERT" : metric.state(),
              metric.name(),
              metric.value(),
              metric.threshold().isEmpty() ? "" : "  (threshold: " + metric.threshold() + ")"));
    }
  }
}
