package dev.steward.worker.faults;

import dev.steward.workflows.host.TargetPlan;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TEST HOOK, not a feature: injects the faults of a {@link FaultPlan} into this worker's
 * activities, so the durability matrix can make a given step fail, hang, or stop where the test
 * kills the worker. It lives in test sources: the durability tests' {@code FaultyStewardMain} adds
 * it to the worker when {@code STEWARD_TEST_FAULTS} is set; faults with real means (a failing
 * script, a release that never gets healthy, a SIGKILL) are injected by the tests themselves.
 */
public final class FaultInjector extends WorkerInterceptorBase {
  private final FaultPlan plan;
  // Per run, its calls ("Type:activityId") in the order first seen: the N-th call of a type in a
  // run, or after the run's first call of another type.
  private final Map<String, List<String>> calls = new ConcurrentHashMap<>();
  private final Set<String> heldRuns = ConcurrentHashMap.newKeySet();

  public FaultInjector(FaultPlan plan) {
    this.plan = plan;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        return inject(context, input, () -> super.execute(input));
      }
    };
  }

  private ActivityInboundCallsInterceptor.ActivityOutput inject(
      ActivityExecutionContext context,
      ActivityInboundCallsInterceptor.ActivityInput input,
      java.util.function.Supplier<ActivityInboundCallsInterceptor.ActivityOutput> proceed) {
    ActivityInfo info = context.getInfo();
    String target = targetOf(input.getArguments());
    String runId = info.getWorkflowId();
    if (heldRuns.contains(runId)) {
      mark(target, "held");
      blockHeartbeating(context);
    }
    record(runId, info); // Every call, so that a later one can be counted from it.
    Optional<FaultPlan.Fault> fault =
        plan.find(target, info.getActivityType(), after -> occurrence(runId, info, after));
    if (fault.isEmpty()) {
      return proceed.get();
    }
    boolean first = info.getAttempt() == 1;
    switch (fault.get().kind()) {
      case FAIL -> {
        mark(target, "failed");
        throw ApplicationFailure.newNonRetryableFailure(
            "injected failure in " + info.getActivityType(), "InjectedFault");
      }
      case CRASH -> {
        if (first) {
          mark(target, "crashed");
          throw new InjectedError("injected unhandled error in " + info.getActivityType());
        }
      }
      case HANG -> {
        if (first) {
          mark(target, "hung");
          sleep(10 * 60_000L); // No heartbeats: the activity's timeout must notice.
        }
      }
      case HOLD -> {
        // Every attempt: on a starved machine a heartbeat can be late, the server then retries the
        // held step, and the kill must still find the run at this step.
        mark(target, "reached");
        blockHeartbeating(context);
      }
      case HOLD_AFTER -> {
        ActivityInboundCallsInterceptor.ActivityOutput output = proceed.get();
        heldRuns.add(runId);
        mark(target, "done");
        return output;
      }
    }
    return proceed.get();
  }

  /** Notes the call in its run's sequence, once per activity id (retries are the same call). */
  private void record(String runId, ActivityInfo info) {
    List<String> seen =
        calls.computeIfAbsent(
            runId, k -> java.util.Collections.synchronizedList(new ArrayList<>()));
    String call = info.getActivityType() + ":" + info.getActivityId();
    synchronized (seen) {
      if (!seen.contains(call)) {
        seen.add(call);
      }
    }
  }

  /**
   * Which call of its type this is in the run (1 for the first), counting only calls after the
   * run's first call of {@code after} when that is not null (0 before it).
   */
  private int occurrence(String runId, ActivityInfo info, String after) {
    List<String> seen = calls.get(runId);
    String type = info.getActivityType() + ":";
    String call = type + info.getActivityId();
    synchronized (seen) {
      int from = 0;
      if (after != null) {
        from =
            seen.stream()
                .filter(c -> c.startsWith(after + ":"))
                .findFirst()
                .map(seen::indexOf)
                .orElse(-1);
        if (from < 0) {
          return 0;
        }
      }
      int n = 0;
      for (String earlier : seen.subList(from, seen.size())) {
        if (earlier.startsWith(type)) {
          n++;
          if (earlier.equals(call)) {
            return n;
          }
        }
      }
      return n;
    }
  }

  private static String targetOf(Object[] arguments) {
    if (arguments.length > 0 && arguments[0] instanceof TargetPlan plan) {
      return plan.target();
    }
    return arguments.length > 0 ? String.valueOf(arguments[0]) : "";
  }

  private void mark(String target, String event) {
    try {
      Files.createDirectories(plan.markers());
      Path marker = plan.markers().resolve(target + "." + event);
      Files.writeString(marker, ProcessHandle.current().pid() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Blocks until the worker is killed, heartbeating so that only the kill ends the attempt. */
  private static void blockHeartbeating(ActivityExecutionContext context) {
    while (true) {
      context.heartbeat(null);
      sleep(500);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** An unhandled error, as a bug in an activity would throw. */
  static final class InjectedError extends Error {
    private static final long serialVersionUID = 1L;

    InjectedError(String message) {
      super(message);
    }
  }
}
