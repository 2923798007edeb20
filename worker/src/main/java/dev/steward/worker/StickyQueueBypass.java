package dev.steward.worker;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.MethodDescriptor;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;

/**
 * Stops a worker from asking for a sticky task queue, when switched on.
 *
 * <p>Why: after a worker completes a workflow task, the server sends that run's next workflow task
 * to the worker's own sticky queue. A real server moves it back to the normal queue when nobody
 * polls the sticky one for a few seconds (the sticky schedule-to-start timeout); Temporal's
 * in-memory test server has no such timeout, so a run whose worker was killed would wait forever.
 * Without sticky attributes every workflow task goes to the shared queue and any worker takes it,
 * replaying the history: it costs cache efficiency only, which is why it is switched on for the
 * development server alone (see {@link TemporalConnection}).
 */
public final class StickyQueueBypass implements ClientInterceptor {
  private volatile boolean enabled;

  /** Switches the bypass on for every later workflow task completion. */
  public void enable() {
    enabled = true;
  }

  public boolean enabled() {
    return enabled;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    ClientCall<Q, R> call = next.newCall(method, options);
    return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
      @Override
      @SuppressWarnings("unchecked")
      public void sendMessage(Q message) {
        if (enabled && message instanceof RespondWorkflowTaskCompletedRequest completed) {
          message = (Q) completed.toBuilder().clearStickyAttributes().build();
        }
        super.sendMessage(message);
      }
    };
  }
}
