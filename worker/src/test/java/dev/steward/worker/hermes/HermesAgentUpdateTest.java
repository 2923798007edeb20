package dev.steward.worker.hermes;

import static dev.steward.worker.hermes.HermesInstall.SECRET;
import static dev.steward.worker.update.UpdateHarness.step;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Await;
import dev.steward.worker.Pipelines;
import dev.steward.worker.StewardTestServers;
import dev.steward.worker.TestPorts;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.pipeline.StepStatus;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import dev.steward.workflows.update.UpdateWorkflow;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update pipeline on the real Hermes Agent (see {@link HermesInstall}): its gateway run by the
 * process manager with only the API server platform enabled (it needs no model provider to start),
 * {@code hermes backup} / {@code hermes import --force} as the snapshot, and the API server's
 * {@code /health} as the health check. Real activities and worker on Temporal's test server.
 */
class HermesAgentUpdateTest {
  private static final String HOST = "test-host";

  @TempDir Path tmp;
  private HermesInstall hermes;
  private Path config;
  private TestWorkflowEnvironment env;
  private WorkerFactory worker;
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();

  @BeforeEach
  void prepareInstall() throws Exception {
    hermes = HermesInstall.prepare(TestPorts.next());
    config = tmp.resolve("steward.yaml");
    assertEquals("Hermes Agent v" + hermes.oldVersion, hermes.version().split(" \\(")[0]);
  }

  @AfterEach
  void stopEverything() {
    if (env == null) {
      return;
    }
    try {
      service.stopService(plan());
    } finally {
      worker.shutdownNow();
      worker.awaitTermination(5, TimeUnit.SECONDS);
      env.close();
    }
  }

  @Test
  void an_update_to_the_newer_release_that_is_healthy_ends_updated() throws Exception {
    startGateway(List.of());
    String rows = hermes.rows();

    UpdateResult result = runUpdate();

    assertEquals(
        UpdateOutcome.UPDATED, result.outcome(), () -> result.message() + "\n" + result.steps());
    assertEquals(hermes.oldRevision, result.fromRevision());
    assertEquals(hermes.newRevision, hermes.revision());
    assertEquals("Hermes Agent v" + hermes.newVersion, hermes.version().split(" \\(")[0]);
    String health = hermes.health();
    assertNotNull(health, "the new release's API server answers /health");
    assertTrue(health.contains("\"version\": \"" + hermes.newVersion + "\""), health);
    assertEquals(rows, hermes.rows(), "the sessions are all there");
    assertSecretNotIn(result);
  }

  @Test
  void an_update_whose_new_release_fails_health_rolls_back_code_config_and_state_db_rows()
      throws Exception {
    // The real newer release is healthy here, so the update carries a migration that breaks it
    // the way the field guide's outage began, with a gateway that exits 0: it opens WhatsApp's DM
    // policy without an allow-all opt-in, which Hermes refuses at start ("Gateway exiting
    // cleanly"), and it renames the model and deletes a conversation. Health sees the process gone
    // and fails at once; the rollback re-runs `then` on the old code, and `hermes import` after it
    // puts .env, config.yaml and state.db back.
    Path migration =
        script(
            "migrate-badly.sh",
            "set -e\n"
                + "printf 'WHATSAPP_ENABLED=true\\nWHATSAPP_DM_POLICY=open\\n' >> "
                + hermes.home.resolve(".env")
                + "\nHERMES_HOME="
                + hermes.home
                + " "
                + hermes.hermes
                + " config set model.default migrated-model\n"
                + "python3 -c \"import sqlite3; db = sqlite3.connect('"
                + hermes.home.resolve("state.db")
                + "'); db.execute(\\\"DELETE FROM messages WHERE session_id = 'fixture-2'\\\");"
                + " db.commit()\"");
    startGateway(List.of(List.of(migration.toString())));
    String rows = hermes.rows();
    String configYaml = hermes.configYaml();

    UpdateResult result = runUpdate();

    assertEquals(
        UpdateOutcome.ROLLED_BACK,
        result.outcome(),
        () -> result.message() + "\n" + result.steps());
    assertEquals(StepStatus.FAILED, step(result, "health").status());
    assertTrue(
        step(result, "health").message().contains("exited"),
        () -> "health saw the gateway exit: " + step(result, "health").message());
    String migrated =
        new String(
            TestTarget.archiveEntry(Path.of(result.preRestoreSnapshot()), "config.yaml"), UTF_8);
    assertTrue(migrated.contains("migrated-model"), "the kept copy has the migration's config");
    assertEquals(hermes.oldRevision, hermes.revision(), "code back at the old release");
    assertEquals("Hermes Agent v" + hermes.oldVersion, hermes.version().split(" \\(")[0]);
    assertEquals(configYaml, hermes.configYaml(), "config.yaml as before");
    assertEquals(rows, hermes.rows(), "state.db's rows as before");
    String health = hermes.health();
    assertNotNull(health, "the old release's API server answers /health again");
    assertTrue(health.contains("\"version\": \"" + hermes.oldVersion + "\""), health);
    assertSecretNotIn(result);
  }

  private void startGateway(List<List<String>> extraThen) throws Exception {
    hermes.writeStewardConfig(config, tmp.resolve("snapshots"), extraThen);
    env = StewardTestServers.newEnvironment(false);
    worker = StewardTestServers.startWorker(env, config, HOST);
    service.restartService(plan());
    Await.until("the old release's /health", Duration.ofMinutes(3), () -> health() != null);
  }

  private String health() {
    try {
      return hermes.health();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private UpdateResult runUpdate() {
    UpdateWorkflow run =
        Pipelines.startUpdate(
            env.getWorkflowClient(), HermesInstall.TARGET, HOST, Clock.systemUTC());
    return WorkflowStub.fromTyped(run).getResult(UpdateResult.class);
  }

  /** The provider key of .env is in neither the result nor the run's history. */
  private void assertSecretNotIn(UpdateResult result) {
    assertFalse(result.toString().contains(SECRET), "the result names the provider key");
    String history = env.getWorkflowClient().fetchHistory(result.workflowId()).toJson(true);
    assertFalse(history.contains(SECRET), "the workflow history holds the provider key");
  }

  private Path script(String name, String body) throws Exception {
    Path script = tmp.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  private TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(config).targets().get(HermesInstall.TARGET);
  }
}
