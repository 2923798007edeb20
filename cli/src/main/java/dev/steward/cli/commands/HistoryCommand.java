package dev.steward.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.cli.run.OutputFormat;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.history.PastRun;
import dev.steward.worker.history.QueryUnsupportedException;
import dev.steward.worker.history.RunHistory;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code steward history TARGET}: a target's past runs, newest first. */
@Command(
    name = "history",
    description = {
      "List a target's past runs, newest first, by their search attributes",
      "(the web UI's filter StewardTarget = 'TARGET'). Needs a server that lists",
      "runs by query: not the embedded or test server."
    })
public final class HistoryCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Parameters(paramLabel = "TARGET", description = "A target's name (it may have left the config).")
  String target;

  @Option(names = "--limit", defaultValue = "20", description = "How many runs (default 20).")
  int limit;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (a table) or json (one array on stdout).")
  OutputFormat output;

  @Override
  public Integer call() throws Exception {
    StewardConfig config = steward.loadConfig();
    if (!target.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new UsageException("\"" + target + "\" is not a target name");
    }
    if (config.temporal().embedded()) {
      throw new UsageException(unsupported());
    }
    try (TemporalConnection connection = TemporalConnection.connect(config.temporal())) {
      print(new RunHistory(connection).of(target, limit));
      return ExitCodes.OK;
    } catch (QueryUnsupportedException e) {
      throw new UsageException("no history: " + e.getMessage());
    }
  }

  private static String unsupported() {
    return "no history: the embedded in-memory server keeps nothing after a command ends; set"
        + " temporal.address to a persistent server (README, Production) and list runs there";
  }

  private static Map<String, Object> json(PastRun run) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("workflowId", run.workflowId());
    fields.put("kind", run.kind());
    fields.put("outcome", run.outcome());
    fields.put("started", run.started().toString());
    fields.put("closed", run.closed() == null ? null : run.closed().toString());
    return fields;
  }

  private void print(List<PastRun> runs) throws Exception {
    PrintWriter out = steward.out();
    if (output == OutputFormat.JSON) {
      out.println(
          new ObjectMapper().writeValueAsString(runs.stream().map(HistoryCommand::json).toList()));
    } else if (runs.isEmpty()) {
      out.println("no runs of " + target + " (query: " + RunHistory.queryFor(target) + ")");
    } else {
      out.print(HistoryTable.format(runs));
    }
    out.flush();
  }
}
