package dev.steward.cli.commands;

import dev.steward.cli.ExitCodes;
import dev.steward.cli.Steward;
import dev.steward.cli.UsageException;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.config.StewardConfig;
import dev.steward.worker.config.TemporalSettings;
import dev.steward.worker.setup.NamespaceSetup;
import dev.steward.worker.setup.SearchAttributeSetup;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code steward setup}: prepares the configured Temporal namespace for Steward. Idempotent. */
@Command(
    name = "setup",
    description = {
      "Prepare the configured Temporal server for Steward: create the namespace",
      "when missing, and register Steward's search attributes (StewardTarget,",
      "StewardHost, StewardOutcome, StewardKind). Safe to run again: it only adds",
      "what is missing."
    })
public final class SetupCommand implements Callable<Integer> {
  @ParentCommand Steward steward;

  @Override
  public Integer call() {
    StewardConfig config = steward.loadConfig();
    TemporalSettings temporal = config.temporal();
    if (temporal.embedded()) {
      throw new UsageException(
          "nothing to set up: no temporal.address in "
              + config.source()
              + " or TEMPORAL_ADDRESS, and the embedded in-memory server registers Steward's"
              + " search attributes itself each time it starts");
    }
    PrintWriter out = steward.out();
    try (TemporalConnection connection = TemporalConnection.connect(temporal)) {
      out.println("Temporal: " + connection.description());
      NamespaceSetup.Result namespace = new NamespaceSetup(connection.client()).ensure();
      out.println(
          "namespace "
              + temporal.namespace()
              + ": "
              + (namespace == NamespaceSetup.Result.CREATED ? "created" : "exists"));
      SearchAttributeSetup attributes = new SearchAttributeSetup(connection.client());
      if (namespace == NamespaceSetup.Result.CREATED) {
        attributes.awaitNamespace(temporal.connectTimeout());
      }
      List<String> added = attributes.register();
      out.println("search attributes: " + describe(attributes, added));
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static String describe(SearchAttributeSetup attributes, List<String> added) {
    String all = String.join(", ", SearchAttributeSetup.names());
    if (attributes.missing().isEmpty()) {
      return all + " registered (this server cannot list search attributes to confirm it)";
    }
    return added.isEmpty() ? all + " already registered" : "added " + String.join(", ", added);
  }
}
