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
 * @param temporalCli the {@code temporal} executable for a dev server unit, or null for none
 * @param dbFile the dev server's database file (absolute), or null for none
 */
public record InstallPlan(
    UnitScope scope,
    SystemdVersion version,
    List<String> launcher,
    Path config,
    Map<String, String> environment,
    Path temporalCli,
    Path dbFile) {

  /** Whether a unit for {@code temporal server start-dev} is part of it. */
  public boolean withServer() {
    return temporalCli != null;
  }
}
