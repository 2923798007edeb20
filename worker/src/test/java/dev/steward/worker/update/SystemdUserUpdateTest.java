package dev.steward.worker.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.activities.testing.SystemdSandbox;
import dev.steward.worker.Pipelines;
import dev.steward.worker.StewardTestServers;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.pipeline.StepResult;
import dev.steward.workflows.pipeline.StepStatus;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The update pipeline end to end against a real systemd user unit (the sandbox's user manager)
 * running the test target's service, with the unit set up as the field guide's was before its
 * outage: {@code Restart=on-failure}.
 */
class SystemdUserUpdateTest {
  private static final String HOST = "test-host";
  private static final String UNIT = "steward-demo.service";

  @RegisterExtension static final SystemdSandbox systemd = new SystemdSandbox();

  private TestTarget target;
  private TestWorkflowEnvironment env;
  private WorkerFactory worker;
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();

  @BeforeEach
  void startUnitAndWorker() throws Exception {
    target = TestTarget.create(systemd.newDir("target")).systemdUser(UNIT);
    systemd.writeUnit(true, UNIT, target.unitFile("Restart=on-failure"));
    systemd.systemctl(true, "daemon-reload").orFail();
    env = StewardTestServers.newEnvironment(false);
    worker = StewardTestServers.startWorker(env, target.config(), HOST);
    service.restartService(plan());
    assertTrue(service.verifyHealth(plan()).healthy(), "the first release should be healthy");
  }

  @AfterEach
  void stopEverything() {
    service.stopService(plan());
    worker.shutdownNow();
    worker.awaitTermination(5, TimeUnit.SECONDS);
    env.close();
  }

  @Test
  void updates_the_user_unit_to_the_new_revision_and_restarts_it() throws Exception {
    String before = target.revision();
    String pidBefore = mainPid();
    String next = target.publish("healthy v2");

    UpdateResult result = runUpdate();

    assertEquals(UpdateOutcome.UPDATED, result.outcome(), result.message());
    assertEquals(next, target.revision());
    assertNotEquals(pidBefore, mainPid(), "systemd runs a new process of the unit");
    assertEquals("active", systemd.systemctl(true, "is-active", UNIT).output());
    Map<String, Object> status = status();
    assertEquals("success", status.get("status"));
    assertEquals(before, status.get("pre_rev"));
  }

  @Test
  void rolls_back_code_and_data_when_the_new_release_exits_0_and_restart_on_failure_leaves_it_down()
      throws Exception {
    String before = target.revision();
    String data = target.stateDigest();
    target.publish("exits-after-1s migrate");

    UpdateResult result = runUpdate();

    assertEquals(UpdateOutcome.ROLLED_BACK, result.outcome(), result.message());
    StepResult health =
        result.steps().stream().filter(s -> s.name().equals("health")).findFirst().orElseThrow();
    assertEquals(StepStatus.FAILED, health.status());
    assertEquals("service is not running (" + UNIT + " is inactive)", health.message());
    assertTrue(
        result.evidence().contains("listening on"), "journal evidence: " + result.evidence());
    assertEquals(before, target.revision(), "code is back at the recorded revision");
    assertEquals(data, target.stateDigest(), "data is restored byte for byte");
    assertTrue(Files.exists(Path.of(result.snapshot())), "the snapshot is kept");
    assertEquals("active", systemd.systemctl(true, "is-active", UNIT).output());
    assertEquals("rollback", status().get("status"));
    assertEquals(before, status().get("pre_rev"));
  }

  private String mainPid() throws Exception {
    return systemd.systemctl(true, "show", "-p", "MainPID", "--value", UNIT).orFail();
  }

  private UpdateResult runUpdate() {
    UpdateWorkflow run =
        Pipelines.startUpdate(env.getWorkflowClient(), TestTarget.NAME, HOST, Clock.systemUTC());
    return WorkflowStub.fromTyped(run).getResult(UpdateResult.class);
  }

  private TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }

  private Map<String, Object> status() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> status =
        new ObjectMapper().readValue(target.statusFile().toFile(), Map.class);
    return status;
  }
}
