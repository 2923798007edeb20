package dev.steward.worker.doctor;

import dev.steward.worker.TemporalConnection;
import dev.steward.worker.TemporalUnreachableException;
import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.setup.SearchAttributeSetup;
import dev.steward.workflows.host.TargetPlan;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code steward doctor}'s checks of the host as a whole: heartbeat, disk space for snapshots, the
 * server, Steward's search attributes and schedules, and clock skew. Unit checks (systemd) live
 * apart. Each check says what to fix; a server that cannot answer a question gives "unknown".
 */
public final class HostDoctor {
  private final Function<StewardConfig, TemporalConnection> connect;
  private final Clock clock;

  public HostDoctor(Function<StewardConfig, TemporalConnection> connect, Clock clock) {
    this.connect = connect;
    this.clock = clock;
  }

  /** Every finding, in the order checked. */
  public List<Finding> examine(StewardConfig config) {
    List<Finding> findings = new ArrayList<>();
    for (TargetPlan plan : config.targets().values()) {
      findings.add(heartbeat(plan));
      findings.add(DiskSpace.check(plan.target(), Path.of(plan.snapshot().dir())));
    }
    if (config.temporal().embedded()) {
      findings.add(
          Finding.warn(
              "server",
              "none configured: runs use an embedded in-memory server and keep nothing;"
                  + " set temporal.address (README, Production)"));
      return findings;
    }
    try (TemporalConnection connection = connect.apply(config)) {
      findings.add(Finding.ok("server", connection.description() + " answers"));
      findings.add(searchAttributes(connection));
      findings.addAll(schedules(connection, config));
      findings.add(new ClockSkew(connection, clock).check(config.host()));
    } catch (TemporalUnreachableException e) {
      findings.add(Finding.fail("server", e.getMessage()));
    }
    return findings;
  }

  /**
   * Without an offsite heartbeat nobody hears that the host, the worker or the server stopped: the
   * field guide's 62 hours.
   */
  private static Finding heartbeat(TargetPlan plan) {
    String subject = "heartbeat " + plan.target();
    return plan.monitor().heartbeatUrl() == null
        ? Finding.warn(
            subject,
            "none configured: nothing offsite notices when this host stops; set targets."
                + plan.target()
                + ".heartbeat (a healthchecks.io ping URL) and keep its monitor running")
        : Finding.ok(subject, "pinged by the monitor each cycle");
  }

  private static Finding searchAttributes(TemporalConnection connection) {
    Optional<List<String>> missing = new SearchAttributeSetup(connection.client()).missing();
    if (missing.isEmpty()) {
      return Finding.unknown(
          "search attributes", "this server cannot list them; run steward setup to be sure");
    }
    return missing.get().isEmpty()
        ? Finding.ok("search attributes", String.join(", ", SearchAttributeSetup.names()))
        : Finding.fail(
            "search attributes", String.join(", ", missing.get()) + " missing; run steward setup");
  }

  private static List<Finding> schedules(TemporalConnection connection, StewardConfig config) {
    List<String> ids;
    try {
      ids = connection.schedules().listSchedules().map(s -> s.getScheduleId()).toList();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return List.of(Finding.unknown("schedules", "this server has no Schedules API"));
      }
      return List.of(Finding.fail("schedules", "cannot list them: " + e.getStatus()));
    }
    List<Finding> findings = new ArrayList<>();
    for (String target : config.targets().keySet()) {
      boolean scheduled = ids.stream().anyMatch(id -> id.contains(target));
      findings.add(
          scheduled
              ? Finding.ok("schedule of " + target, "present")
              : Finding.warn("schedule of " + target, "none names it; run steward schedule apply"));
    }
    return findings;
  }
}
