package dev.steward.worker.setup;

import com.google.protobuf.util.Durations;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.client.WorkflowClient;
import java.time.Duration;

/** Makes sure the connection's namespace exists, creating it when it does not. */
public final class NamespaceSetup {
  /** How long a closed run's history is kept in a namespace Steward creates. */
  public static final Duration RETENTION = Duration.ofDays(7);

  private final WorkflowClient client;

  /**
   * @param client a client of the namespace to set up ({@code TemporalConnection.client()}); its
   *     stubs carry the connection's address, TLS and API key
   */
  public NamespaceSetup(WorkflowClient client) {
    this.client = client;
  }

  /** What {@link #ensure()} found or did. */
  public enum Result {
    EXISTS,
    CREATED
  }

  /**
   * Describes the namespace and registers it when the server does not know it.
   *
   * @throws StatusRuntimeException when the server refuses (no permission, say)
   */
  public Result ensure() {
    String namespace = client.getOptions().getNamespace();
    try {
      client
          .getWorkflowServiceStubs()
          .blockingStub()
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
      return Result.EXISTS;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
        throw e;
      }
    }
    client
        .getWorkflowServiceStubs()
        .blockingStub()
        .registerNamespace(
            RegisterNamespaceRequest.newBuilder()
                .setNamespace(namespace)
                .setWorkflowExecutionRetentionPeriod(Durations.fromSeconds(RETENTION.toSeconds()))
                .build());
    return Result.CREATED;
  }
}
