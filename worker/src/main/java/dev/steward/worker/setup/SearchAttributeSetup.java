package dev.steward.worker.setup;

import dev.steward.workflows.StewardSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registers and checks Steward's search attributes ({@link StewardSearchAttributes}) in a
 * namespace, through Temporal's operator service. The in-memory test server can add attributes but
 * not list them; there the check answers "unknown".
 */
public final class SearchAttributeSetup {
  private final WorkflowClient client;

  /**
   * @param client a client of the namespace to set up ({@code TemporalConnection.client()}); its
   *     stubs carry the connection's address, TLS and API key
   */
  public SearchAttributeSetup(WorkflowClient client) {
    this.client = client;
  }

  /** Steward's attribute names. */
  public static List<String> names() {
    return StewardSearchAttributes.ALL.stream().map(key -> key.getName()).toList();
  }

  /**
   * The names the namespace lacks, or empty when the server cannot list search attributes.
   *
   * @throws StatusRuntimeException on any other server error
   */
  public Optional<List<String>> missing() {
    try (Operator operator = new Operator(client)) {
      ListSearchAttributesResponse listed =
          operator
              .stubs()
              .blockingStub()
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder().setNamespace(namespace()).build());
      List<String> missing = new ArrayList<>();
      for (String name : names()) {
        if (!listed.getCustomAttributesMap().containsKey(name)) {
          missing.add(name);
        }
      }
      return Optional.of(missing);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Waits until the server's operator service knows a namespace just registered: a new namespace
   * reaches the server's caches a moment after its registration, and until then listing or adding
   * attributes answers NOT_FOUND.
   *
   * @throws StatusRuntimeException NOT_FOUND when it is still unknown after {@code timeout}
   */
  public void awaitNamespace(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        missing();
        return;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.NOT_FOUND || System.nanoTime() > deadline) {
          throw e;
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for the new namespace", e);
      }
    }
  }

  /**
   * Adds the attributes the namespace lacks (all of them when it cannot say which) and returns the
   * names it added. Running it again adds nothing.
   */
  public List<String> register() {
    List<String> toAdd = missing().orElseGet(SearchAttributeSetup::names);
    if (toAdd.isEmpty()) {
      return toAdd;
    }
    AddSearchAttributesRequest.Builder request =
        AddSearchAttributesRequest.newBuilder().setNamespace(namespace());
    toAdd.forEach(
        name -> request.putSearchAttributes(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    try (Operator operator = new Operator(client)) {
      operator.stubs().blockingStub().addSearchAttributes(request.build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
      return List.of();
    }
    return toAdd;
  }

  private String namespace() {
    return client.getOptions().getNamespace();
  }

  /** Operator stubs over the connection's own settings (address, TLS, API key). */
  private record Operator(OperatorServiceStubs stubs) implements AutoCloseable {
    Operator(WorkflowClient client) {
      this(
          OperatorServiceStubs.newServiceStubs(
              OperatorServiceStubsOptions.newBuilder(client.getWorkflowServiceStubs().getOptions())
                  .validateAndBuildWithDefaults()));
    }

    @Override
    public void close() {
      stubs.shutdown();
    }
  }
}
