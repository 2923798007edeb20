package dev.steward.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of {@code steward ARGS}: its exit code, stdout and stderr. */
record CliRun(List<String> args, int exitCode, String out, String err) {

  static CliRun of(String... args) {
    CommandLine steward = Steward.commandLine(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    steward.setOut(new PrintWriter(out, true));
    steward.setErr(new PrintWriter(err, true));
    int exitCode = steward.execute(args);
    return new CliRun(List.of(args), exitCode, out.toString(), err.toString());
  }

  /** {@code steward -c CONFIG ARGS…}, in-process. */
  static CliRun withConfig(Path config, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-c";
    all[1] = config.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return of(all);
  }

  /** Shows the whole run when an assertion about it fails. */
  @Override
  public String toString() {
    return "steward "
        + String.join(" ", args)
        + " -> exit "
        + exitCode
        + "\n--- stdout ---\n"
        + out
        + "--- stderr ---\n"
        + err;
  }
}
