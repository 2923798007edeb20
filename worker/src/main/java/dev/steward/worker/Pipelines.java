package dev.steward.worker;

import dev.steward.worker.setup.SearchAttributesMissingException;
import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.fleet.FleetRolloutRequest;
import dev.steward.workflows.fleet.FleetRolloutWorkflow;
import dev.steward.workflows.monitor.MonitorRequest;
import dev.steward.workflows.monitor.MonitorWorkflow;
import dev.steward.workflows.recovery.RecoveryRequest;
import dev.steward.workflows.recovery.RecoveryWorkflow;
import dev.steward.workflows.recovery.RestoreRequest;
import dev.steward.workflows.recovery.RestoreWorkflow;
import dev.steward.workflows.update.UpdateRequest;
import dev.steward.workflows.update.UpdateWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Consumer;

/** Starts Steward's pipelines with readable workflow ids ({@code update/demo/2026-…Z}). */
public final class Pipelines {
  private Pipelines() {}

  /** Starts an update run of {@code target} and returns a stub bound to it. */
  public static UpdateWorkflow startUpdate(
      WorkflowClient client, String target, String host, Clock clock) {
    return startUpdate(client, new UpdateRequest(target, host), clock);
  }

  /** Starts an update run as {@code request} asks and returns a stub bound to it. */
  public static UpdateWorkflow startUpdate(
      WorkflowClient client, UpdateRequest request, Clock clock) {
    return start(
        client,
        UpdateWorkflow.class,
        Run.UPDATE,
        request.target(),
        request.host(),
        clock,
        workflow -> WorkflowClient.start(workflow::update, request));
  }

  /** Starts a recovery of {@code target} ({@code recover/<target>/<time>}) and returns its stub. */
  public static RecoveryWorkflow startRecovery(
      WorkflowClient client, String target, String host, Clock clock) {
    RecoveryRequest request = new RecoveryRequest(target, host, null);
    return start(
        client,
        RecoveryWorkflow.class,
        Run.RECOVERY,
        target,
        host,
        clock,
        workflow -> WorkflowClient.start(workflow::recover, request));
  }

  /**
   * Starts a restore of one snapshot of {@code request}'s target ({@code restore/<target>/<time>})
   * and returns its stub.
   */
  public static RestoreWorkflow startRestore(
      WorkflowClient client, RestoreRequest request, Clock clock) {
    return start(
        client,
        RestoreWorkflow.class,
        Run.RESTORE,
        request.target(),
        request.host(),
        clock,
        workflow -> WorkflowClient.start(workflow::restore, request));
  }

  /**
   * The id of {@code target}'s monitor on {@code host}: one per target and host. It names the host:
   * the hosts of a fleet share one namespace and each has a target of the same name to watch.
   */
  public static String monitorId(String target, String host) {
    return Run.MONITOR.idPrefix + "/" + target + "/" + host;
  }

  /**
   * Starts a target's monitor as {@link #monitorId} (one per target and host), or, with {@code
   * once}, a single measurement as {@code monitor-once/<target>/<time>}. This host's monitor of the
   * target under the id older Stewards gave it ({@code monitor/<target>}) is stopped first, so that
   * two never watch one target side by side.
   *
   * @throws io.temporal.client.WorkflowExecutionAlreadyStarted when the target's monitor runs
   * @throws OldMonitorBusyException when the old monitor is in a recovery: it keeps running
   */
  public static MonitorWorkflow startMonitor(
      WorkflowClient client, String target, String host, boolean once, Clock clock) {
    MonitorRequest request = new MonitorRequest(target, host, once, null);
    if (!once) {
      stopOldMonitor(client, target, host);
    }
    return start(
        client,
        MonitorWorkflow.class,
        once ? Run.MEASURE : Run.MONITOR,
        target,
        host,
        clock,
        workflow -> WorkflowClient.start(workflow::monitor, request));
  }

  /**
   * Terminates {@code host}'s monitor of {@code target} under its old id, if it runs; another
   * host's is left alone (its own next start stops it). One in a recovery is left running, since
   * terminating it would terminate the recovery, its child, half way.
   */
  private static void stopOldMonitor(WorkflowClient client, String target, String host) {
    String oldId = Run.MONITOR.idPrefix + "/" + target;
    WorkflowStub old = client.newUntypedWorkflowStub(oldId);
    WorkflowExecutionDescription description;
    try {
      description = old.describe();
    } catch (WorkflowNotFoundException e) {
      return;
    }
    if (description.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
        || !host.equals(description.getTypedSearchAttributes().get(StewardSearchAttributes.HOST))) {
      return;
    }
    String newId = monitorId(target, host);
    if (description.getRawDescription().getPendingChildrenCount() > 0) {
      throw new OldMonitorBusyException(
          oldId
              + ", this host's monitor of "
              + target
              + " under its old id, is in a recovery: it keeps running, and "
              + newId
              + " starts when this runs again after the recovery");
    }
    try {
      old.terminate("replaced by " + newId + ": the monitor's id names its host");
    } catch (WorkflowNotFoundException ended) {
      // It ended between the two calls.
    }
  }

  /** This host's monitor under its old id is in a recovery, so the new one did not start. */
  public static final class OldMonitorBusyException extends RuntimeException {
    OldMonitorBusyException(String message) {
      super(message);
    }
  }

  /**
   * Starts a rollout of {@code request}'s fleet ({@code rollout/<fleet>/<time>}) and returns its
   * stub. The workflow resolves the fleet from the config of {@code request.host()}.
   */
  public static FleetRolloutWorkflow startRollout(
      WorkflowClient client, FleetRolloutRequest request, Clock clock) {
    return start(
        client,
        FleetRolloutWorkflow.class,
        Run.ROLLOUT,
        request.fleet(),
        request.host(),
        clock,
        workflow -> WorkflowClient.start(workflow::rollout, request));
  }

  /**
   * What the rollouts of {@code fleet}'s schedule start with: the same queue and search attributes
   * as any rollout, the schedule's id (the server appends each run's time to it), and a summary and
   * details that name the schedule.
   */
  public static WorkflowOptions scheduledRolloutOptions(
      String scheduleId, String fleet, String host) {
    return Run.ROLLOUT.options(
        scheduleId,
        "Scheduled rollout to " + fleet + " from " + host,
        "Started by the schedule "
            + scheduleId
            + "; see it with: steward schedule list, and the rollout with: steward rollout status ID",
        fleet,
        host);
  }

  /**
   * What the update runs of {@code target}'s schedule start with: the same queue and search
   * attributes as any update, the schedule's id (the server appends each run's time to it), and a
   * summary and details that name the schedule. The server starts them, from these options.
   */
  public static WorkflowOptions scheduledUpdateOptions(
      String scheduleId, String target, String host) {
    // Java SDK 1.38 cannot describe a schedule whose action has a summary but no details (it
    // decodes the missing details and fails).
    return Run.UPDATE.options(
        scheduleId,
        "Scheduled update of " + target + " on " + host,
        "Started by the schedule "
            + scheduleId
            + "; see it with: steward schedule describe "
            + target,
        target,
        host);
  }

  /**
   * The one start path: a stub with {@code run}'s id, summary, details and search attributes, then
   * {@code start} on it, naming the fix when the server refuses Steward's search attributes.
   *
   * @throws SearchAttributesMissingException when the namespace does not know them
   */
  private static <W> W start(
      WorkflowClient client,
      Class<W> type,
      Run run,
      String target,
      String host,
      Clock clock,
      Consumer<W> start) {
    W workflow = client.newWorkflowStub(type, run.options(target, host, clock));
    try {
      start.accept(workflow);
    } catch (WorkflowServiceException e) {
      if (e.getCause() instanceof StatusRuntimeException refused
          && refused.getStatus().getCode() == Status.Code.INVALID_ARGUMENT
          && String.valueOf(refused.getStatus().getDescription())
              .toLowerCase(Locale.ROOT)
              .contains("search attribute")) {
        throw new SearchAttributesMissingException(
            client.getOptions().getNamespace(), refused.getStatus().getDescription());
      }
      throw e;
    }
    return workflow;
  }

  /**
   * The runs a person or a script starts, and what each carries: a readable id ({@code
   * <prefix>/<target>/<time>}, or {@code monitor/<target>/<host>} for the one monitor a target has
   * on a host), a summary and details for the web UI, and Steward's search attributes, so that
   * {@code steward history} and the UI's filters find it (and the recoveries a monitor starts can
   * carry them too, see MonitorWorkflowImpl).
   */
  private enum Run {
    UPDATE(
        "update",
        true,
        StewardSearchAttributes.KIND_UPDATE,
        "Update",
        "Steward update pipeline: disk, snapshot, update, patches, restart, health;"
            + " rolls code and data back when a step fails."),
    RECOVERY(
        "recover",
        true,
        StewardSearchAttributes.KIND_RECOVERY,
        "Recover",
        "Steward recovery playbook: confirm, restart, health, provider, evidence; then the last"
            + " known good code with the data as it is, then the newest verified snapshot after a"
            + " pre-restore copy, else escalates and holds updates."),
    RESTORE(
        "restore",
        true,
        StewardSearchAttributes.KIND_RECOVERY,
        "Restore",
        "Steward restore of one snapshot a person named: a pre-restore snapshot of the state as"
            + " it is, code to the snapshot's revision, its data back, restart, health."),
    MONITOR(
        "monitor",
        false,
        StewardSearchAttributes.KIND_MONITOR,
        "Monitor",
        "Steward monitor: measures the five metrics and pings the heartbeat every monitor.every;"
            + " alerts once per incident, starts a recovery when the service stays down."),
    MEASURE(
        "monitor-once",
        true,
        StewardSearchAttributes.KIND_MONITOR,
        "Measure",
        "Steward monitor, once: one measurement of the five metrics."),
    /** Its "target" is the fleet: {@code rollout/<fleet>/<time>}, "Roll out gateways from …". */
    ROLLOUT(
        "rollout",
        true,
        StewardSearchAttributes.KIND_ROLLOUT,
        "Roll out",
        "Steward fleet rollout: one revision to every host of the fleet, canary first, then"
            + " batches, each host's own update pipeline; a failure budget over the whole rollout,"
            + " then halt or revert every host it updated.");

    private final String idPrefix;
    private final boolean timed;
    private final String kind;
    private final String verb;
    private final String details;

    Run(String idPrefix, boolean timed, String kind, String verb, String details) {
      this.idPrefix = idPrefix;
      this.timed = timed;
      this.kind = kind;
      this.verb = verb;
      this.details = details;
    }

    WorkflowOptions options(String target, String host, Clock clock) {
      String id =
          timed
              ? idPrefix + "/" + target + "/" + Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)
              : monitorId(target, host);
      String where = this == ROLLOUT ? " from " : " on ";
      return options(id, verb + " " + target + where + host, details, target, host);
    }

    WorkflowOptions options(
        String workflowId, String summary, String details, String target, String host) {
      return WorkflowOptions.newBuilder()
          .setWorkflowId(workflowId)
          .setTaskQueue(TaskQueues.WORKFLOWS)
          .setStaticSummary(summary)
          .setStaticDetails(details)
          .setTypedSearchAttributes(
              this == ROLLOUT
                  ? StewardSearchAttributes.forNewRollout(target, host)
                  : StewardSearchAttributes.forNewRun(kind, target, host))
          .build();
    }
  }
}
