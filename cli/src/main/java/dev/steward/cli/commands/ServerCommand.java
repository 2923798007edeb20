package dev.steward.cli.commands;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.worker.devserver.DevServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code steward server --dev}: Temporal's in-memory test server as a process of its own, on
 * 127.0.0.1, so a worker and the CLI can run as separate processes on one machine (and a worker can
 * be killed and restarted while its runs survive). Not for production: it keeps nothing.
 */
@Command(
    name = "server",
    description = {
      "Run an in-memory Temporal server on 127.0.0.1 for development and tests.",
      "It keeps nothing across its own restart; production uses a real server."
    })
public final class ServerCommand implements Callable<Integer> {
  static final int DEFAULT_PORT = 7233;

  @ParentCommand Steward steward;

  @Option(
      names = "--dev",
      required = true,
      description = "Required: says that this is the in-memory development server.")
  boolean dev;

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_PORT,
      description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port " + port + " is not a port (0-65535)");
    }
    DevServer server;
    try {
      server = DevServer.start(port);
    } catch (java.io.UncheckedIOException e) {
      throw new UsageException(e.getMessage() + " (choose another with --port N)");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "steward-server-stop"));
    steward
        .err()
        .println(
            "steward: WARNING: this development server keeps everything in memory: a restart of"
                + " it loses every run. Production uses a real Temporal server (docker compose, or"
                + " temporal server start-dev --db-filename FILE).");
    steward.err().flush();
    steward.out().println("steward dev server listening on " + server.address());
    steward.out().flush();
    server.awaitTermination();
    return ExitCodes.OK;
  }
}
