package dev.steward.worker;

import dev.steward.worker.setup.SearchAttributeSetup;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.time.Duration;

/**
 * A client connection to Temporal: either a configured server, or the embedded in-memory test
 * server, which lives inside this process (no port at all) and keeps nothing after it ends.
 */
public final class TemporalConnection implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final TestServer.InProcessTestServer embeddedServer;
  private final String description;

  private TemporalConnection(
      WorkflowServiceStubs stubs,
      String namespace,
      TestServer.InProcessTestServer embeddedServer,
      String description) {
    this.stubs = stubs;
    this.client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    this.embeddedServer = embeddedServer;
    this.description = description;
  }

  /**
   * Starts the in-memory server in this process and connects to it, with Steward's search
   * attributes registered.
   */
  public static TemporalConnection embedded() {
    TestServer.InProcessTestServer server = TestServer.createServer(true);
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setChannel(server.getChannel()).build());
    TemporalConnection connection =
        new TemporalConnection(stubs, "default", server, "embedded in-memory server");
    new SearchAttributeSetup(connection).register();
    return connection;
  }

  /**
   * Connects to a Temporal server and checks that it answers.
   *
   * @throws TemporalUnreachableException when it does not answer within five seconds
   */
  public static TemporalConnection connect(String address, String namespace) {
    WorkflowServiceStubsOptions options =
        WorkflowServiceStubsOptions.newBuilder().setTarget(address).build();
    try {
      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newConnectedServiceStubs(options, CONNECT_TIMEOUT);
      return new TemporalConnection(
          stubs, namespace, null, address + " (namespace " + namespace + ")");
    } catch (RuntimeException e) {
      throw new TemporalUnreachableException(
          "Temporal at "
              + address
              + " is unreachable ("
              + rootMessage(e)
              + "); start it, or remove temporal.address to use the embedded server");
    }
  }

  public WorkflowClient client() {
    return client;
  }

  public WorkflowServiceStubs stubs() {
    return stubs;
  }

  /** Whether this is the embedded server, which lives and dies with this process. */
  public boolean isEmbedded() {
    return embeddedServer != null;
  }

  /** Where this connection goes, for people. */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    stubs.shutdownNow();
    if (embeddedServer != null) {
      embeddedServer.close();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
