package dev.steward.activities.service;

import dev.steward.activities.process.CommandResult;
import dev.steward.activities.process.Commands;
import dev.steward.activities.process.ProcFs;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.ManagerKind;
import dev.steward.workflows.host.TargetPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** One look at a service, right now: for recovery's first check and the monitor's metrics. */
public final class ServiceProbe {
  private static final HealthProbes PROBES = new HealthProbes();
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(15);

  private ServiceProbe() {}

  /** Whether the service runs and passes every configured probe, once, without waiting. */
  public static HealthReport once(TargetPlan plan) {
    long begin = System.nanoTime();
    ServiceManager manager = ServiceManagers.forPlan(plan, ServiceActivitiesImpl.DEFAULT_GRACE);
    ServiceStatus status = manager.status();
    String failure =
        !status.running()
            ? "service is not running (" + status.detail() + ")"
            : plan.health() == null
                ? null
                : PROBES.check(plan.health(), Path.of(plan.checkout())).orElse(null);
    long waited = (System.nanoTime() - begin) / 1_000_000;
    return failure == null
        ? new HealthReport(true, waited, "up (" + status.detail() + ")")
        : new HealthReport(false, waited, failure);
  }

  /**
   * The service's memory: the resident set of its whole process tree for the process manager, the
   * unit's cgroup ({@code MemoryCurrent}) for systemd; empty when it is not running or unknown.
   */
  public static OptionalLong memoryBytes(TargetPlan plan) {
    if (plan.service().manager() == null || plan.service().manager() == ManagerKind.PROCESS) {
      return processTreeRss(Path.of(plan.state(), ".steward", "service.json"));
    }
    List<String> argv = new ArrayList<>(List.of("systemctl"));
    if (plan.service().manager() == ManagerKind.SYSTEMD_USER) {
      argv.add("--user");
    }
    argv.addAll(List.of("show", "-p", "MemoryCurrent", "--value", plan.service().unit()));
    CommandResult result = Commands.run(argv, Path.of("/"), QUERY_TIMEOUT);
    String value = result.output().strip();
    return result.succeeded() && value.matches("\\d+")
        ? OptionalLong.of(Long.parseLong(value))
        : OptionalLong.empty();
  }

  private static OptionalLong processTreeRss(Path recordFile) {
    var leader = ServiceRecord.read(recordFile).flatMap(ServiceRecord::liveProcess);
    if (leader.isEmpty()) {
      return OptionalLong.empty();
    }
    Set<Long> pids = new LinkedHashSet<>();
    pids.add(leader.get().pid());
    leader.get().descendants().forEach(p -> pids.add(p.pid()));
    long pid = leader.get().pid();
    ProcessHandle.allProcesses()
        .filter(p -> ProcFs.stat(p.pid()).map(s -> s.session() == pid).orElse(false))
        .forEach(p -> pids.add(p.pid()));
    long total = 0;
    for (long member : pids) {
      total += rssBytes(member);
    }
    return OptionalLong.of(total);
  }

  /** VmRSS from {@code /proc/<pid>/status}, in bytes; 0 for a process that has gone. */
  private static long rssBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException gone) {
      return 0;
    }
    return 0;
  }
}
