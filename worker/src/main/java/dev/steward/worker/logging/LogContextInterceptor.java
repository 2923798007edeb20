package dev.steward.worker.logging;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Puts the run's target and workflow id into the logging context (MDC keys {@code target} and
 * {@code workflowId}) while an activity runs, so every line an activity logs says which run it
 * belongs to, and logs one line per finished or failed activity. The target is read from Steward's
 * workflow ids, {@code <kind>/<target>/<time>}.
 */
public final class LogContextInterceptor extends WorkerInterceptorBase {
  private static final Logger log = LoggerFactory.getLogger("steward.activity");

  /** MDC key of the target's name. */
  public static final String TARGET = "target";

  /** MDC key of the workflow id. */
  public static final String WORKFLOW_ID = "workflowId";

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private String workflowId = "";
      private String activity = "";
      private int attempt;

      @Override
      public void init(ActivityExecutionContext context) {
        workflowId = context.getInfo().getWorkflowId();
        activity = context.getInfo().getActivityType();
        attempt = context.getInfo().getAttempt();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        long start = System.nanoTime();
        MDC.put(WORKFLOW_ID, workflowId);
        MDC.put(TARGET, targetOf(workflowId));
        try {
          ActivityOutput output = super.execute(input);
          log.info("{} done in {} ms", activity, (System.nanoTime() - start) / 1_000_000);
          return output;
        } catch (RuntimeException e) {
          // The message only: activities' messages name secret references, never values.
          log.warn("{} failed (attempt {}): {}", activity, attempt, e.getMessage());
          throw e;
        } finally {
          MDC.remove(WORKFLOW_ID);
          MDC.remove(TARGET);
        }
      }
    };
  }

  /** The target named in a Steward workflow id, or "-" for any other id. */
  static String targetOf(String workflowId) {
    String[] parts = workflowId.split("/", 3);
    return parts.length == 3 ? parts[1] : "-";
  }
}
