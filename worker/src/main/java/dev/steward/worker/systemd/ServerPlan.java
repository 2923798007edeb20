package dev.steward.worker.systemd;

import dev.steward.worker.config.TemporalSettings;
import dev.steward.worker.setup.SearchAttributeSetup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The single-host Temporal server {@code steward install --with-server} sets up: Temporal's own
 * {@code temporal server start-dev}, persistent in a SQLite file, on 127.0.0.1 only, with Steward's
 * search attributes registered at every start (the dev server registers them itself, so no {@code
 * steward setup} is needed).
 *
 * @param binary the {@code temporal} executable (absolute)
 * @param dbFile the SQLite database (absolute); it keeps the runs across restarts
 * @param port the gRPC frontend's port, the one {@code temporal.address} names
 * @param uiPort the web UI's port, also on 127.0.0.1 only
 * @param namespace the worker's namespace: created at launch unless it is {@code default}, which
 *     always is
 */
public record ServerPlan(Path binary, Path dbFile, int port, int uiPort, String namespace) {
  /** Where the server listens; never another interface, since it has no TLS and no auth. */
  public static final String IP = "127.0.0.1";

  /** The server's command line. */
  public List<String> argv() {
    List<String> argv =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "server",
                "start-dev",
                "--ip",
                IP,
                "--port",
                Integer.toString(port),
                "--ui-port",
                Integer.toString(uiPort),
                "--db-filename",
                dbFile.toString()));
    if (!TemporalSettings.DEFAULT_NAMESPACE.equals(namespace)) {
      argv.addAll(List.of("--namespace", namespace));
    }
    for (String name : SearchAttributeSetup.names()) {
      // All of Steward's attributes are keywords (StewardSearchAttributes).
      argv.addAll(List.of("--search-attribute", name + "=Keyword"));
    }
    return argv;
  }
}
