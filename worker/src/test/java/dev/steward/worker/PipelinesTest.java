package dev.steward.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.StewardSearchAttributes;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.fleet.FleetRolloutRequest;
import dev.steward.workflows.monitor.MonitorRequest;
import dev.steward.workflows.monitor.MonitorWorkflow;
import dev.steward.workflows.recovery.RestoreRequest;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every run a person or a script starts goes through one path, so each carries what the web UI and
 * {@code steward history} read: a readable id, a summary, details and Steward's search attributes.
 * No worker polls here: the runs wait on the real server while the test describes them.
 */
class PipelinesTest {
  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  private static final Clock AT =
      Clock.fixed(Instant.parse("2026-11-29T03:04:05.123Z"), ZoneOffset.UTC);

  private WorkflowServiceStubs stubs;
  private WorkflowClient client;
  private final List<String> started = new ArrayList<>();

  @BeforeEach
  void connect() {
    stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
    client = WorkflowClient.newInstance(stubs);
  }

  @AfterEach
  void terminate() {
    for (String id : started) {
      client.newUntypedWorkflowStub(id).terminate("test over");
    }
    stubs.shutdownNow();
  }

  @Test
  void update_recovery_restore_monitor_and_measurement_runs_carry_id_summary_details_attributes() {
    Pipelines.startUpdate(client, "demo", "host-a", AT);
    Pipelines.startRecovery(client, "demo", "host-a", AT);
    Pipelines.startRestore(client, new RestoreRequest("demo", "host-a", "pre-update-x.zip"), AT);
    Pipelines.startMonitor(client, "demo", "host-a", false, AT);
    Pipelines.startMonitor(client, "demo", "host-a", true, AT);

    expect("update/demo/2026-11-29T03:04:05.123Z", "Update demo on host-a", "update");
    expect("recover/demo/2026-11-29T03:04:05.123Z", "Recover demo on host-a", "recovery");
    expect("restore/demo/2026-11-29T03:04:05.123Z", "Restore demo on host-a", "recovery");
    expect("monitor/demo/host-a", "Monitor demo on host-a", "monitor");
    expect("monitor-once/demo/2026-11-29T03:04:05.123Z", "Measure demo on host-a", "monitor");
  }

  @Test
  void two_hosts_with_the_same_target_each_run_their_own_monitor() {
    Pipelines.startMonitor(client, "demo", "host-a", false, AT);
    Pipelines.startMonitor(client, "demo", "host-b", false, AT);

    expect("monitor/demo/host-a", "Monitor demo on host-a", "monitor");
    started.add("monitor/demo/host-b");
    WorkflowExecutionDescription other =
        client.newUntypedWorkflowStub("monitor/demo/host-b").describe();
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, other.getStatus());
    assertEquals("host-b", other.getTypedSearchAttributes().get(StewardSearchAttributes.HOST));
  }

  @Test
  void starting_a_monitor_stops_this_hosts_monitor_under_the_old_id() {
    WorkflowStub old = oldIdMonitor("host-a");

    Pipelines.startMonitor(client, "demo", "host-a", false, AT);

    started.add("monitor/demo/host-a");
    WorkflowExecutionDescription stopped = old.describe();
    assertEquals(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED, stopped.getStatus());
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
        client.newUntypedWorkflowStub("monitor/demo/host-a").describe().getStatus());
  }

  @Test
  void starting_a_monitor_leaves_another_hosts_monitor_under_the_old_id() {
    WorkflowStub old = oldIdMonitor("host-b");
    started.add("monitor/demo");

    Pipelines.startMonitor(client, "demo", "host-a", false, AT);

    started.add("monitor/demo/host-a");
    assertEquals(
        WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, old.describe().getStatus());
  }

  @Test
  void a_monitor_under_the_old_id_in_a_recovery_keeps_running_and_no_new_one_starts() {
    WorkerFactory factory = WorkerFactory.newInstance(client);
    factory.newWorker(BUSY_QUEUE).registerWorkflowImplementationTypes(BusyMonitorImpl.class);
    factory.start();
    try {
      BusyMonitor busy =
          client.newWorkflowStub(
              BusyMonitor.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId("monitor/demo")
                  .setTaskQueue(BUSY_QUEUE)
                  .setTypedSearchAttributes(
                      StewardSearchAttributes.forNewRun(
                          StewardSearchAttributes.KIND_MONITOR, "demo", "host-a"))
                  .build());
      WorkflowClient.start(busy::run);
      started.add("monitor/demo");
      WorkflowStub old = WorkflowStub.fromTyped(busy);
      Await.until(
          "the old monitor's recovery",
          Duration.ofSeconds(30),
          () -> old.describe().getRawDescription().getPendingChildrenCount() > 0);

      Pipelines.OldMonitorBusyException refused =
          assertThrows(
              Pipelines.OldMonitorBusyException.class,
              () -> Pipelines.startMonitor(client, "demo", "host-a", false, AT));

      assertTrue(refused.getMessage().startsWith("monitor/demo, this host's monitor of demo"));
      assertEquals(
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING, old.describe().getStatus());
      assertFalse(running("monitor/demo/host-a"), "no new monitor beside the old one");
    } finally {
      factory.shutdownNow();
    }
  }

  /** Whether the newest run of {@code id} runs (other tests leave closed ones behind). */
  private boolean running(String id) {
    try {
      return client.newUntypedWorkflowStub(id).describe().getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (WorkflowNotFoundException never) {
      return false;
    }
  }

  private static final String BUSY_QUEUE = "pipelines-test-busy-monitor";

  /** Stands in for an old monitor whose recovery, its child, is still going. */
  @WorkflowInterface
  public interface BusyMonitor {
    @WorkflowMethod
    void run();
  }

  public static class BusyMonitorImpl implements BusyMonitor {
    @Override
    public void run() {
      // On a queue nobody polls, the child stays open, as a recovery does while it works.
      Workflow.newUntypedChildWorkflowStub(
              "RecoveryWorkflow",
              ChildWorkflowOptions.newBuilder()
                  .setWorkflowId("recover/demo/busy")
                  .setTaskQueue("nobody-polls")
                  .build())
          .executeAsync(Void.class);
      Workflow.await(() -> false);
    }
  }

  /** A monitor of demo on {@code host} as older Stewards started it: its id without the host. */
  private WorkflowStub oldIdMonitor(String host) {
    MonitorWorkflow old =
        client.newWorkflowStub(
            MonitorWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("monitor/demo")
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .setTypedSearchAttributes(
                    StewardSearchAttributes.forNewRun(
                        StewardSearchAttributes.KIND_MONITOR, "demo", host))
                .build());
    WorkflowClient.start(old::monitor, new MonitorRequest("demo", host, false, null));
    return WorkflowStub.fromTyped(old);
  }

  @Test
  void a_rollout_carries_its_fleet_and_kind_but_no_target() {
    Pipelines.startRollout(client, new FleetRolloutRequest("gateways", "host-a", null), AT);

    String id = "rollout/gateways/2026-11-29T03:04:05.123Z";
    started.add(id);
    WorkflowExecutionDescription run = client.newUntypedWorkflowStub(id).describe();
    assertEquals("Roll out gateways from host-a", run.getStaticSummary());
    assertTrue(run.getStaticDetails().startsWith("Steward fleet rollout"));
    SearchAttributes attributes = run.getTypedSearchAttributes();
    assertEquals("rollout", attributes.get(StewardSearchAttributes.KIND));
    assertEquals("gateways", attributes.get(StewardSearchAttributes.FLEET));
    assertEquals("host-a", attributes.get(StewardSearchAttributes.HOST));
    assertEquals("running", attributes.get(StewardSearchAttributes.OUTCOME));
    assertFalse(attributes.containsKey(StewardSearchAttributes.TARGET));
  }

  private void expect(String workflowId, String summary, String kind) {
    started.add(workflowId);
    WorkflowExecutionDescription run = client.newUntypedWorkflowStub(workflowId).describe();
    assertEquals(summary, run.getStaticSummary(), workflowId);
    assertTrue(run.getStaticDetails().startsWith("Steward "), workflowId);
    SearchAttributes attributes = run.getTypedSearchAttributes();
    assertEquals(kind, attributes.get(StewardSearchAttributes.KIND), workflowId);
    assertEquals("demo", attributes.get(StewardSearchAttributes.TARGET), workflowId);
    assertEquals("host-a", attributes.get(StewardSearchAttributes.HOST), workflowId);
    assertEquals("running", attributes.get(StewardSearchAttributes.OUTCOME), workflowId);
  }
}
