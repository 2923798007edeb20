package dev.steward.cli.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.steward.cli.Steward;
import dev.steward.worker.StewardRuntime;
import dev.steward.workflows.pipeline.StepResult;
import dev.steward.workflows.pipeline.StepStatus;
import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.update.UpdateResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Prints a run for people (a line per step) or for scripts (one JSON object). */
public final class RunPrinter {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final PrintWriter out;
  private final OutputFormat format;

  public RunPrinter(PrintWriter out, OutputFormat format) {
    this.out = out;
    this.format = format;
  }

  public RunPrinter(Steward steward, OutputFormat format) {
    this(steward.out(), format);
  }

  /** Whether this prints for people or for scripts. */
  public OutputFormat format() {
    return format;
  }

  public void starting(String what, StewardRuntime runtime) {
    text(what + " (" + runtime.connection().description() + ")");
  }

  void started(String workflowId) {
    text("run " + workflowId);
  }

  void step(StepResult step) {
    text(
        String.format(
            Locale.ROOT,
            "  %-8s %-16s %6.1fs  %s",
            step.status() == StepStatus.FAILED ? "FAILED" : step.status().wire(),
            step.name(),
            step.durationMs() / 1000.0,
            step.message()));
  }

  public void result(UpdateResult result) {
    if (format == OutputFormat.JSON) {
      json(result);
    } else {
      text(result.outcome() + ": " + result.target() + ": " + result.message());
      kept(result.preRestoreSnapshot());
      evidence(result.evidence());
    }
    out.flush();
  }

  public void result(RecoveryResult result) {
    if (format == OutputFormat.JSON) {
      json(result);
    } else {
      text(result.outcome() + ": " + result.target() + ": " + result.message());
      if (result.recoveredBy() != null) {
        String took =
            result.secondsToRecover() == null ? "" : " in " + result.secondsToRecover() + " s";
        String since = result.downSince() == null ? "" : " (down since " + result.downSince() + ")";
        text("recovered by " + result.recoveredBy() + took + since);
      }
      kept(result.preRestoreSnapshot());
      evidence(result.evidence());
    }
    out.flush();
  }

  /** Exactly one JSON object on stdout. */
  public void json(Object value) {
    try {
      out.println(JSON.writeValueAsString(value));
      out.flush();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pre-restore snapshot a run kept: where the data it replaced still is. */
  private void kept(String preRestoreSnapshot) {
    if (preRestoreSnapshot != null) {
      text("kept the state it replaced in " + preRestoreSnapshot);
    }
  }

  private void evidence(String evidence) {
    if (evidence != null && !evidence.isBlank()) {
      text("evidence (last lines of the service's output and logs):");
      evidence.lines().forEach(line -> text("  | " + line));
    }
  }

  /** A line for people; nothing in JSON mode, where stdout holds exactly one object. */
  public void text(String line) {
    if (format == OutputFormat.TEXT) {
      out.println(line);
      out.flush();
    }
  }
}
