package dev.steward.activities.service;

import dev.steward.workflows.host.ManagerKind;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.ServicePlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Picks the service manager a plan names. */
public final class ServiceManagers {
  private ServiceManagers() {}

  /**
   * The manager of a target's service.
   *
   * @param grace how long a process service may take to exit after SIGTERM
   * @throws io.temporal.failure.ApplicationFailure of type {@code ConfigInvalid} for an unknown
   *     manager or a missing unit
   */
  public static ServiceManager forPlan(TargetPlan plan, Duration grace) {
    ServicePlan service = plan.service();
    ManagerKind manager = service.manager() == null ? ManagerKind.PROCESS : service.manager();
    return switch (manager) {
      case PROCESS ->
          new ProcessServiceManager(
              service.start() == null ? List.of() : service.start(),
              Path.of(service.workdir() != null ? service.workdir() : plan.checkout()),
              Path.of(plan.state()),
              grace);
      case SYSTEMD -> new SystemdServiceManager(requireUnit(service), false);
      case SYSTEMD_USER -> new SystemdServiceManager(requireUnit(service), true);
    };
  }

  private static String requireUnit(ServicePlan service) {
    if (service.unit() == null || service.unit().isBlank()) {
      throw ServiceFailures.configInvalid(
          "service.unit is required with manager " + service.manager());
    }
    return service.unit();
  }
}
