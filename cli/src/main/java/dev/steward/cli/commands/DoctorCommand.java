package dev.steward.cli.commands;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.doctor.HostDoctor;
import dev.steward.worker.systemd.Finding;
import dev.steward.worker.systemd.Systemd;
import dev.steward.worker.systemd.SystemdVersion;
import dev.steward.worker.systemd.UnitDoctor;
import dev.steward.worker.systemd.UnitScope;
import dev.steward.workflows.host.ManagerKind;
import dev.steward.workflows.host.TargetPlan.ServicePlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code steward doctor}: checks the host as a whole; {@code steward doctor TARGET}: checks how the
 * target's service is run (its systemd unit). Either way, one line per finding with the fix.
 */
@Command(
    name = "doctor",
    description = {
      "Without TARGET: check this host — heartbeat, disk space for snapshots, the Temporal",
      "server, Steward's search attributes and schedules, clock skew against the server.",
      "With TARGET: check its systemd unit for settings that leave a service down —",
      "Restart= other than always, a start-rate limit, no restart pause, no lingering,",
      "a short TimeoutStopSec, lines systemd ignores.",
      "--fix corrects the unit in a drop-in, <unit>.d/steward.conf (never the unit file),",
      "reloads systemd, turns lingering on, and shows the changes; --dry-run only shows them.",
      "Exit 0 when nothing needs fixing (warnings allowed), 7 when something does",
      "(with --fix: when something could not be fixed)."
    })
public final class DoctorCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Parameters(
      paramLabel = "TARGET",
      arity = "0..1",
      description = "Check this target's unit instead of the host.")
  String target;

  @Option(
      names = "--fix",
      description = "Correct TARGET's unit in a drop-in, reload systemd, enable lingering.")
  boolean fix;

  @Option(names = "--dry-run", description = "With --fix: show the drop-in and changes only.")
  boolean dryRun;

  @Option(
      names = "--unit-dir",
      paramLabel = "DIR",
      description =
          "With --fix: the folder of unit files the drop-in goes under"
              + " (default: ~/.config/systemd/user or /etc/systemd/system).")
  Path unitDir;

  @Override
  public Integer call() {
    if ((dryRun || unitDir != null) && !fix) {
      throw new UsageException("--dry-run and --unit-dir go with --fix");
    }
    if (fix && target == null) {
      throw new UsageException("--fix needs TARGET: steward doctor TARGET --fix");
    }
    StewardConfig config = steward.loadConfig();
    if (target == null) {
      return checkHost(config);
    }
    Targets.require(config, target);
    return checkUnit(config.targets().get(target).service());
  }

  private int checkHost(StewardConfig config) {
    HostDoctor doctor =
        new HostDoctor(c -> TemporalConnection.connect(c.temporal()), Clock.systemUTC());
    List<dev.steward.worker.doctor.Finding> findings = doctor.examine(config);
    PrintWriter out = steward.out();
    findings.forEach(f -> out.println(f.line()));
    out.flush();
    boolean failed =
        findings.stream()
            .anyMatch(f -> f.verdict() == dev.steward.worker.doctor.Finding.Verdict.FAIL);
    return failed ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private int checkUnit(ServicePlan service) {
    PrintWriter out = steward.out();
    ManagerKind manager = service.manager() == null ? ManagerKind.PROCESS : service.manager();
    if (!manager.systemd()) {
      out.println(target + ": its service is run by the " + manager + " manager: no unit to check");
      out.flush();
      return ExitCodes.OK;
    }
    UnitScope scope = manager == ManagerKind.SYSTEMD_USER ? UnitScope.USER : UnitScope.SYSTEM;
    Systemd systemd = new Systemd();
    if (fix) {
      return new UnitFix(target, out, dryRun).run(systemd, service.unit(), scope, unitDir);
    }
    List<Finding> findings =
        new UnitDoctor(systemd, SystemdVersion.detect(systemd)).check(service.unit(), scope);
    findings.forEach(finding -> out.println(target + ": " + finding.line()));
    if (findings.isEmpty()) {
      out.println(target + ": " + service.unit() + " is sound");
    }
    out.flush();
    return findings.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
