package dev.steward.worker;

import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import dev.steward.activities.Secrets;
import dev.steward.worker.config.TemporalSettings;
import dev.steward.worker.setup.SearchAttributeSetup;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A client connection to Temporal: either a configured server, or the embedded in-memory test
 * server, which lives inside this process (no port at all) and keeps nothing after it ends.
 */
public final class TemporalConnection implements AutoCloseable {
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final TestServer.InProcessTestServer embeddedServer;
  private final String description;
  private final boolean bypassesStickyQueues;

  private TemporalConnection(
      WorkflowServiceStubs stubs,
      String namespace,
      TestServer.InProcessTestServer embeddedServer,
      String description,
      boolean bypassesStickyQueues) {
    this.stubs = stubs;
    this.client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    this.embeddedServer = embeddedServer;
    this.description = description;
    this.bypassesStickyQueues = bypassesStickyQueues;
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
        new TemporalConnection(stubs, "default", server, "embedded in-memory server", false);
    new SearchAttributeSetup(connection.client()).register();
    return connection;
  }

  /**
   * Connects to a Temporal server without TLS and checks that it answers. On Temporal's in-memory
   * test server ({@code steward server --dev}) workers do not use sticky queues: see {@link
   * StickyQueueBypass}.
   *
   * @throws TemporalUnreachableException when it does not answer within {@link
   *     TemporalSettings#DEFAULT_CONNECT_TIMEOUT}
   */
  public static TemporalConnection connect(String address, String namespace) {
    return connect(new TemporalSettings(address, namespace));
  }

  /**
   * Connects to the configured Temporal server (TLS, mutual TLS and API keys as configured) and
   * checks that it answers.
   *
   * @throws TemporalUnreachableException when it does not answer within its connect timeout
   * @throws dev.steward.worker.config.ConfigException when the API key or certificates cannot be
   *     used
   */
  public static TemporalConnection connect(TemporalSettings settings) {
    return connect(settings, new NoopScope(), settings.connectTimeout());
  }

  /**
   * Connects like {@link #connect(TemporalSettings)}, waiting at most {@code timeout} for the
   * server to answer, and reporting the SDK's client and worker metrics, and the workflows' own, to
   * {@code metrics}.
   */
  public static TemporalConnection connect(
      TemporalSettings settings, Scope metrics, Duration timeout) {
    StickyQueueBypass bypass = new StickyQueueBypass();
    WorkflowServiceStubsOptions options =
        WorkflowServiceStubsOptions.newBuilder(
                ConnectionOptions.of(settings, Secrets.fromEnvironment()))
            .setMetricsScope(metrics)
            .setGrpcClientInterceptors(List.of(bypass))
            .setSystemInfoTimeout(timeout)
            .build();
    try {
      WorkflowServiceStubs stubs = WorkflowServiceStubs.newConnectedServiceStubs(options, timeout);
      boolean devServer = isTestServer(stubs, timeout);
      if (devServer) {
        bypass.enable();
      }
      String where =
          settings.address()
              + " (namespace "
              + settings.namespace()
              + ConnectionOptions.describeSecurity(settings)
              + (devServer ? ", in-memory dev server)" : ")");
      return new TemporalConnection(stubs, settings.namespace(), null, where, bypass.enabled());
    } catch (RuntimeException e) {
      throw new TemporalUnreachableException(
          "Temporal at "
              + settings.address()
              + " is unreachable ("
              + rootMessage(e)
              + "); start it and check the address"
              + (settings.usesTls() ? " and TLS settings" : "")
              + ", or remove temporal.address to use the embedded server");
    }
  }

  /**
   * Whether the server is Temporal's in-memory test server: it is the one that reports no server
   * version (a real server always does).
   */
  private static boolean isTestServer(WorkflowServiceStubs stubs, Duration timeout) {
    GetSystemInfoResponse info =
        stubs
            .blockingStub()
            .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    return info.getServerVersion().isEmpty();
  }

  public WorkflowClient client() {
    return client;
  }

  public WorkflowServiceStubs stubs() {
    return stubs;
  }

  /** A client for the Schedules API of this connection's namespace. */
  public ScheduleClient schedules() {
    return ScheduleClient.newInstance(
        stubs,
        ScheduleClientOptions.newBuilder()
            .setNamespace(client.getOptions().getNamespace())
            .build());
  }

  /** Whether this is the embedded server, which lives and dies with this process. */
  public boolean isEmbedded() {
    return embeddedServer != null;
  }

  /**
   * Whether workers on this connection skip sticky queues ({@link StickyQueueBypass}): only on
   * Temporal's in-memory test server, never on a real one.
   */
  public boolean bypassesStickyQueues() {
    return bypassesStickyQueues;
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
