package dev.steward.cli;

import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.doctor.Finding;
import dev.steward.worker.doctor.HostDoctor;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code steward doctor [TARGET]}: checks the host as a whole and says what to fix. With a TARGET,
 * the target's own checks (its systemd units) come from the systemd work; see {@link #unitChecks}.
 */
@Command(
    name = "doctor",
    description = {
      "Check this host and say what to fix: heartbeat, disk space for snapshots,",
      "the Temporal server, Steward's search attributes and schedules, clock skew",
      "against the server. Exit 0 when nothing failed (warnings allowed), 1 when",
      "a check failed."
    })
final class DoctorCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Parameters(
      paramLabel = "TARGET",
      arity = "0..1",
      description = "Also check this target's own setup (its units).")
  String target;

  @Override
  public Integer call() {
    StewardConfig config = steward.loadConfig();
    if (target != null) {
      Targets.require(config, target);
    }
    HostDoctor doctor =
        new HostDoctor(c -> TemporalConnections.open(c.temporal()), Clock.systemUTC());
    List<Finding> findings = new java.util.ArrayList<>(doctor.examine(config));
    if (target != null) {
      findings.addAll(unitChecks(config, target));
    }
    PrintWriter out = steward.out();
    findings.forEach(f -> out.println(f.line()));
    out.flush();
    boolean failed = findings.stream().anyMatch(f -> f.verdict() == Finding.Verdict.FAIL);
    return failed ? ExitCodes.ERROR : ExitCodes.OK;
  }

  /**
   * HOOK for the systemd work (issue 3): a target's unit checks go here. Empty in this build, so
   * {@code steward doctor TARGET} checks the host only.
   */
  static List<Finding> unitChecks(StewardConfig config, String target) {
    return List.of();
  }
}
