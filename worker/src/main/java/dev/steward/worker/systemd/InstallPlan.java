package dev.steward.worker.systemd;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code steward install} sets up.
 *
 * @param scope the system's manager or the user's
 * @param version the systemd the units are written for
 * @param launcher argv that runs the steward command ({@code java -jar /opt/steward.jar})
 * @param config the steward.yaml the worker reads (absolute)
 * @param environment variables the worker needs ({@code TEMPORAL_ADDRESS}), may be empty
 * @param server the Temporal server to run beside the worker, or null for none
 */
public record InstallPlan(
    UnitScope scope,
    SystemdVersion version,
    List<String> launcher,
    Path config,
    Map<String, String> environment,
    ServerPlan server) {

  /** Whether a unit for {@code temporal server start-dev} is part of it. */
  public boolean withServer() {
    return server != null;
  }
}
