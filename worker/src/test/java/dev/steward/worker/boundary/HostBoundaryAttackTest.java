package dev.steward.worker.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Await;
import dev.steward.worker.HttpReceiver;
import dev.steward.worker.Pipelines;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.StewardWorker;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.config.TemporalSettings;
import dev.steward.worker.update.HistoryRecorder;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.host.NotifyPlan;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.ActivityStub;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host as the trust boundary, tried the way an attacker with access to the Temporal namespace
 * would: a rogue worker of their own, on the same real server as a real Steward worker, runs a
 * workflow that calls the host's activities by their type names with plans it edited.
 */
class HostBoundaryAttackTest {
  private static final String HOST = "test-host";
  private static final String ROGUE_QUEUE = "rogue";

  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  @TempDir Path tmp;
  private TestTarget target;
  private HttpReceiver attackerSite;
  private TemporalConnection connection;
  private WorkerFactory steward;
  private WorkerFactory rogue;
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();

  @BeforeEach
  void startTargetStewardAndRogue() throws Exception {
    attackerSite = HttpReceiver.start();
    target = TestTarget.create(tmp);
    Path secret = Files.writeString(tmp.resolve("ntfy-token"), "s3cret-token-7781\n");
    target.withConfig(
        "    notify:\n      channels:\n        - ntfy: http://127.0.0.1:9/steward\n          token:"
            + " file:"
            + secret
            + "\n");
    connection = TemporalConnection.connect(new TemporalSettings(temporal.address(), "default"));
    steward =
        StewardWorker.start(
            connection.client(), () -> ConfigLoader.forThisMachine().load(target.config()), HOST);
    rogue = WorkerFactory.newInstance(connection.client());
    rogue.newWorker(ROGUE_QUEUE).registerWorkflowImplementationTypes(RogueWorkflowImpl.class);
    rogue.start();
    service.restartService(plan());
    assertTrue(service.verifyHealth(plan()).healthy(), "the first release should be healthy");
  }

  @AfterEach
  void stopEverything() throws Exception {
    service.stopService(plan());
    for (WorkerFactory factory : new WorkerFactory[] {rogue, steward}) {
      factory.shutdownNow();
      factory.awaitTermination(10, TimeUnit.SECONDS);
    }
    connection.close();
    attackerSite.close();
  }

  @Test
  void every_edited_plan_is_refused_and_nothing_runs() throws Exception {
    String revision = target.revision();
    String state = target.stateDigest();
    byte[] servicePid = Files.readAllBytes(target.state().resolve(".steward/service.json"));
    Path marker = tmp.resolve("pwned");

    Map<String, String> refusals = attack(marker);

    String mismatch =
        "target demo: the plan does not match this host's configuration ("
            + target.config()
            + "); refused, nothing was run";
    for (String attack :
        List.of(
            "UpdateCode",
            "UpdateCodeTo",
            "CheckForUpdate:check",
            "RestartService",
            "ApplyPatches",
            "TakeSnapshot:state=/",
            "TakePreRestoreSnapshot:state=/",
            "MarkGoodRelease:checkout")) {
      assertEquals(mismatch, refusals.get(attack), attack + " in " + refusals);
    }
    assertEquals(
        "target demo: snapshot /tmp/evil.tar is not in its snapshot directory "
            + target.snapshotDir()
            + "; refused, nothing was run",
        refusals.get("RestoreSnapshot"));
    assertEquals(
        "target demo: the plan is addressed to host other-host, this is host test-host; refused,"
            + " nothing was run",
        refusals.get("StopService:other-host"));
    assertEquals(
        "target evil: not in this host's configuration ("
            + target.config()
            + "); refused, nothing was run",
        refusals.get("StopService:evil"));
    assertEquals(
        "target demo: \"--output=/tmp/x\" is not a commit id to reset the code to; refused,"
            + " nothing was run",
        refusals.get("ResetCode"));
    assertEquals(
        "target demo: \"--output=/tmp/x\" is not a commit id to reset the code to; refused,"
            + " nothing was run",
        refusals.get("UpdateCodeTo:revision"));
    Map<String, String> namesOutside =
        Map.of("FindSnapshot:..", "../../etc/passwd", "FindSnapshot:/", "/etc/passwd");
    namesOutside.forEach(
        (attack, name) ->
            assertEquals(
                "target demo: \""
                    + name
                    + "\" is not a file name in its snapshot directory "
                    + target.snapshotDir()
                    + " (list them with `steward snapshots demo`); refused, nothing was run",
                refusals.get(attack),
                attack));
    assertEquals(
        "no snapshot pre-update-x.zip of demo in "
            + target.snapshotDir()
            + "; list them with `steward snapshots demo`",
        refusals.get("FindSnapshot:missing"));
    assertEquals("ran", refusals.get("ListSnapshots"));
    assertEquals("ran", refusals.get("ReadGoodRelease"));
    assertTrue(
        refusals.get("SendNotice").startsWith("notification channel webhook (127.0.0.1:"),
        refusals.get("SendNotice"));
    assertEquals(
        "StopService was called without a target plan; refused, nothing was run",
        refusals.get("StopService:null"));
    assertFalse(refusals.get("plan").contains("s3cret-token"), "ResolvePlan leaked the secret");
    assertTrue(refusals.get("plan").contains("file:"), refusals.get("plan"));

    assertFalse(Files.exists(marker), "a rogue command ran");
    assertEquals(List.of(), attackerSite.all(), "a notice went to the attacker's site");
    assertEquals(revision, target.revision());
    assertEquals(state, target.stateDigest());
    assertEquals(
        new String(servicePid),
        Files.readString(target.state().resolve(".steward/service.json")),
        "the service was restarted");
    assertTrue(service.verifyHealth(plan()).healthy());
  }

  @Test
  void stewards_own_update_still_runs_on_the_guarded_worker() throws Exception {
    String next = target.publish("v2");

    UpdateResult result =
        WorkflowStub.fromTyped(
                Pipelines.startUpdate(connection.client(), "demo", HOST, Clock.systemUTC()))
            .getResult(UpdateResult.class);

    assertEquals(UpdateOutcome.UPDATED, result.outcome(), result.message());
    assertEquals(next, target.revision());
  }

  @Test
  void a_config_edited_during_a_run_refuses_its_next_step_and_the_run_rolls_back(TestInfo test)
      throws Exception {
    String before = target.revision();
    String state = target.stateDigest();
    target.publish("v2");
    Path started = tmp.resolve("update-started");
    Path go = tmp.resolve("go");
    Path script =
        target.script(
            "slow-update",
            "touch "
                + started
                + "\nwhile [ ! -f "
                + go
                + " ]; do sleep 0.1; done\ngit fetch -q origin && git reset -q --hard origin/main\n");
    target.updateCommand("[sh, " + script + "]");
    WorkflowStub run =
        WorkflowStub.fromTyped(
            Pipelines.startUpdate(connection.client(), "demo", HOST, Clock.systemUTC()));
    awaitFile(started);

    target.minFree("2MiB"); // The owner edits steward.yaml while the update command runs.
    Files.writeString(go, "");
    UpdateResult result = run.getResult(UpdateResult.class);
    HistoryRecorder.recordIfAsked(connection.client(), test, result.workflowId());

    assertEquals(UpdateOutcome.ROLLED_BACK, result.outcome(), result.message());
    assertTrue(
        result
            .message()
            .startsWith(
                "restart failed: target demo: the plan does not match this host's configuration"),
        result.message());
    assertEquals(before, target.revision());
    assertEquals(state, target.stateDigest());
    assertTrue(service.verifyHealth(plan()).healthy());
  }

  private static void awaitFile(Path file) {
    Await.until(file + " to exist", Duration.ofMinutes(2), () -> Files.exists(file));
  }

  private Map<String, String> attack(Path marker) {
    RogueWorkflow workflow =
        connection
            .client()
            .newWorkflowStub(
                RogueWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(ROGUE_QUEUE)
                    .setWorkflowId("rogue/" + System.nanoTime())
                    .build());
    return toMap(workflow.attack(marker.toString(), attackerSite.url("/x")));
  }

  private static Map<String, String> toMap(List<?> pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.size(); i += 2) {
      map.put(String.valueOf(pairs.get(i)), String.valueOf(pairs.get(i + 1)));
    }
    return map;
  }

  private TargetPlan plan() throws Exception {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get("demo");
  }

  /** The attacker's workflow: not Steward's, on a queue of its own. */
  @WorkflowInterface
  public interface RogueWorkflow {
    /** Returns pairs: the attack's name, then the refusal's message (or "ran"). */
    @WorkflowMethod
    List<String> attack(String marker, String attackerUrl);
  }

  public static final class RogueWorkflowImpl implements RogueWorkflow {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public List<String> attack(String marker, String attackerUrl) {
      ActivityStub host =
          Workflow.newUntypedActivityStub(
              ActivityOptions.newBuilder()
                  .setTaskQueue(TaskQueues.forHost(HOST))
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build());
      TargetPlan plan = host.execute("ResolvePlan", TargetPlan.class, "demo");
      List<String> results = new ArrayList<>();
      List<String> writeMarker = List.of("sh", "-c", "echo pwned > " + marker);
      TargetPlan commandUpdate =
          edit(edit(plan, "update.gitRemote", null), "update.command", writeMarker);
      Map<String, Object> evilPatch =
          Map.of(
              "name", "evil", "apply", writeMarker, "verifyFile", "README", "verifyContains", "x");
      SnapshotInfo outside = new SnapshotInfo("/tmp/evil.tar", "00", 1, "abc", "rogue/snapshot");
      NotifyPlan.Channel attackers =
          new NotifyPlan.Channel(NotifyPlan.Channel.WEBHOOK, attackerUrl, null, null);
      add(results, "plan", toJson(plan));
      add(results, "UpdateCode", call(host, "UpdateCode", commandUpdate, "rogue/update"));
      add(results, "UpdateCodeTo", call(host, "UpdateCodeTo", commandUpdate, "rogue/update", null));
      add(
          results,
          "UpdateCodeTo:revision",
          call(host, "UpdateCodeTo", plan, "rogue/update", "--output=/tmp/x"));
      add(
          results,
          "CheckForUpdate:check",
          call(host, "CheckForUpdate", edit(commandUpdate, "update.check", writeMarker)));
      add(
          results,
          "RestartService",
          call(host, "RestartService", edit(plan, "service.start", writeMarker)));
      add(
          results,
          "ApplyPatches",
          call(host, "ApplyPatches", edit(plan, "patches", List.of(evilPatch))));
      add(results, "RestoreSnapshot", call(host, "RestoreSnapshot", plan, outside));
      add(
          results,
          "TakeSnapshot:state=/",
          call(host, "TakeSnapshot", edit(plan, "state", "/"), "rogue/s", "abc"));
      add(
          results,
          "StopService:other-host",
          call(host, "StopService", edit(plan, "host", "other-host")));
      add(results, "StopService:evil", call(host, "StopService", edit(plan, "target", "evil")));
      add(results, "ResetCode", call(host, "ResetCode", plan, "--output=/tmp/x"));
      add(results, "FindSnapshot:..", call(host, "FindSnapshot", plan, "../../etc/passwd"));
      add(results, "FindSnapshot:/", call(host, "FindSnapshot", plan, "/etc/passwd"));
      add(
          results,
          "TakePreRestoreSnapshot:state=/",
          call(host, "TakePreRestoreSnapshot", edit(plan, "state", "/"), "rogue/p"));
      add(
          results,
          "MarkGoodRelease:checkout",
          call(host, "MarkGoodRelease", edit(plan, "checkout", "/"), "rogue"));
      // With the host's own plan the new activities run: these only read.
      add(results, "FindSnapshot:missing", call(host, "FindSnapshot", plan, "pre-update-x.zip"));
      add(results, "ListSnapshots", call(host, "ListSnapshots", plan));
      add(results, "ReadGoodRelease", call(host, "ReadGoodRelease", plan));
      add(results, "SendNotice", call(host, "SendNotice", attackers, null));
      add(results, "StopService:null", call(host, "StopService", (Object) null));
      return results;
    }

    private static void add(List<String> results, String attack, String outcome) {
      results.add(attack);
      results.add(outcome);
    }

    private static String call(ActivityStub host, String type, Object... args) {
      try {
        host.execute(type, Object.class, args);
        return "ran";
      } catch (ActivityFailure failure) {
        return failure.getCause() instanceof ApplicationFailure refused
            ? refused.getOriginalMessage()
            : String.valueOf(failure.getCause());
      }
    }

    private static String toJson(Object value) {
      try {
        return JSON.writeValueAsString(value);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    /** The plan with one field (a dotted path into its JSON) replaced, as an attacker edits it. */
    private static TargetPlan edit(TargetPlan plan, String field, Object value) {
      ObjectNode json = JSON.valueToTree(plan);
      String[] path = field.split("\\.");
      ObjectNode parent = json;
      for (int i = 0; i < path.length - 1; i++) {
        parent = (ObjectNode) parent.get(path[i]);
      }
      parent.set(path[path.length - 1], JSON.valueToTree(value));
      try {
        return JSON.treeToValue(json, TargetPlan.class);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
