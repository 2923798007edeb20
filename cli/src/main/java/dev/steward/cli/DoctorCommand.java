package dev.steward.cli;

import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.systemd.Finding;
import dev.steward.worker.systemd.Systemd;
import dev.steward.worker.systemd.SystemdVersion;
import dev.steward.worker.systemd.UnitDoctor;
import dev.steward.worker.systemd.UnitScope;
import dev.steward.workflows.host.TargetPlan.ServicePlan;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code steward doctor TARGET}: checks how the target's service is run. */
@Command(
    name = "doctor",
    description = {
      "Check the target's systemd unit for settings that leave a service down:",
      "Restart= other than always, a start-rate limit, no restart pause, no lingering,",
      "a short TimeoutStopSec, lines systemd ignores. One line per finding, with the fix."
    })
final class DoctorCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Parameters(paramLabel = "TARGET", description = "A target in the configuration.")
  String target;

  @Override
  public Integer call() {
    StewardConfig config = steward.loadConfig();
    Targets.require(config, target);
    ServicePlan service = config.targets().get(target).service();
    PrintWriter out = steward.out();
    String manager = service.manager() == null ? "process" : service.manager();
    if (!manager.startsWith("systemd")) {
      out.println(target + ": its service is run by the " + manager + " manager: no unit to check");
      out.flush();
      return ExitCodes.OK;
    }
    UnitScope scope = manager.equals("systemd-user") ? UnitScope.USER : UnitScope.SYSTEM;
    Systemd systemd = new Systemd();
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
