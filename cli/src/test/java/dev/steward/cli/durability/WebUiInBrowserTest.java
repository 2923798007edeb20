package dev.steward.cli.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Await;
import dev.steward.worker.HttpReceiver;
import dev.steward.worker.Pipelines;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Temporal web UI in a real browser (headless Chromium) on the real server, showing two runs a
 * real {@code steward worker} process ran against a real target: what a person reads there, and
 * that no command line, URL or secret is among it. Screenshots go to {@code
 * target/web-ui-screenshots/}, and also to the folder {@code -Dsteward.screenshots=DIR} names (the
 * ones in docs/ are made that way).
 */
class WebUiInBrowserTest {
  @RegisterExtension
  @Order(1)
  static final HeadlessChromium browser = new HeadlessChromium();

  @RegisterExtension
  @Order(2)
  static final RealTemporalServer temporal = new RealTemporalServer();

  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final String HOST = "test-host";

  /** A distinctive argument of the health command: no command line belongs in the UI. */
  private static final String COMMAND_MARKER = "--marker=steward-cmd-c0ffee";

  @TempDir static Path tmp;
  private static TestTarget target;
  private static HttpReceiver receiver;
  private static StewardProcess worker;
  private static TemporalConnection connection;
  private static TemporalWebUi ui;

  @BeforeAll
  static void startTargetAndWorker() throws Exception {
    target = TestTarget.create(tmp.resolve("target"));
    receiver = HttpReceiver.start();
    target.healthCommand("[/bin/true, \"" + COMMAND_MARKER + "\"]");
    target.withConfig(
        "    notify:\n      onSuccess: true\n      channels:\n"
            + "        - webhook: env:WEBUI_TEST_WEBHOOK\n"
            + "        - ntfy: env:WEBUI_TEST_NTFY\n          token: env:WEBUI_TEST_TOKEN\n");
    Map<String, String> secrets =
        Map.of(
            "WEBUI_TEST_WEBHOOK",
            receiver.url("/hook/secret-path-5ec7e7?key=sk-5ec7e7"),
            "WEBUI_TEST_NTFY",
            receiver.url("/ntfy/secret-topic-5ec7e7"),
            "WEBUI_TEST_TOKEN",
            "tk-5ec7e7-bearer",
            "WEBUI_TEST_HEALTH",
            "http://127.0.0.1:" + target.port() + "/health?token=hc-5ec7e7");
    String health = "http: http://127.0.0.1:" + target.port() + "/health";
    String yaml = Files.readString(target.config());
    assertTrue(yaml.contains(health), yaml);
    Path config =
        Files.writeString(
            tmp.resolve("steward.yaml"),
            temporal.configSection()
                + "logs: {dir: "
                + tmp.resolve("worker-logs")
                + "}\n"
                + yaml.replace(health, "http: env:WEBUI_TEST_HEALTH"));
    worker =
        StewardProcess.start(
                tmp.resolve("logs"),
                "worker",
                secrets,
                "-c",
                config.toString(),
                "worker",
                "--wait-for-server",
                "60")
            .awaitOutput("steward worker for host", PATIENCE);
    connection = TemporalConnection.connect(temporal.address(), "default");
    ui = new TemporalWebUi(browser, temporal.uiUrl());
  }

  @AfterAll
  static void stopEverything() throws Exception {
    try {
      if (target != null) {
        new ServiceActivitiesImpl().stopService(plan());
      }
    } finally {
      if (worker != null) {
        worker.close();
      }
      if (connection != null) {
        connection.close();
      }
      if (receiver != null) {
        receiver.close();
      }
    }
  }

  @Test
  void a_successful_update_shows_its_summary_steps_details_and_outcome() throws Exception {
    target.publish("healthy v2");
    WorkflowExecution run = update(UpdateOutcome.UPDATED);

    TemporalWebUi.View history =
        ui.history(
            run.getWorkflowId(),
            run.getRunId(),
            "Completed",
            run.getWorkflowId(),
            "Read the plan of demo",
            "Lock demo",
            "Snapshot demo state",
            "Update demo code (git origin/main)",
            "Restart demo (process)",
            "Verify demo health (2 s stable)",
            "Write the status file of demo",
            "Unlock demo");
    ui.screenshot(screenshots().resolve("web-ui-updated-history.png"));
    TemporalWebUi.Metadata metadata = ui.userMetadata("Events with Metadata", "Unlock demo");
    screenshot("web-ui-updated.png");
    TemporalWebUi.View attributes =
        ui.searchAttributes("\"StewardOutcome\": \"updated\"", "\"StewardTarget\": \"demo\"");

    assertMetadata(metadata);
    assertTrue(attributes.text().contains("\"StewardKind\": \"update\""), attributes.text());
    assertTrue(attributes.text().contains("\"StewardHost\": \"" + HOST + "\""), attributes.text());
    assertNoSecretIn(List.of(history, metadata.view(), attributes), run);
    assertNotified(run, "demo: update updated");
  }

  @Test
  void a_rolled_back_update_shows_its_rollback_steps_and_outcome() throws Exception {
    String before = target.revision();
    target.publish("never-healthy");
    WorkflowExecution run = update(UpdateOutcome.ROLLED_BACK);

    TemporalWebUi.View history =
        ui.history(
            run.getWorkflowId(),
            run.getRunId(),
            "Completed",
            "\"outcome\": \"rolled_back\"",
            "Read the plan of demo",
            "Lock demo",
            "Verify demo health (2 s stable)",
            "Collect the recent output of demo",
            "Stop demo (process)",
            "Roll demo code back to " + before.substring(0, 7),
            "Restore demo state from pre-update-",
            "Unlock demo");
    ui.screenshot(screenshots().resolve("web-ui-rolled-back-history.png"));
    TemporalWebUi.Metadata metadata =
        ui.userMetadata("Roll demo code back to " + before.substring(0, 7), "warning: demo");
    screenshot("web-ui-rolled-back.png");
    TemporalWebUi.View attributes =
        ui.searchAttributes("\"StewardOutcome\": \"rolled_back\"", "\"StewardTarget\": \"demo\"");

    assertMetadata(metadata);
    assertNoSecretIn(List.of(history, metadata.view(), attributes), run);
    assertNotified(run, "demo: update rolled back");
  }

  /** Starts an update as Steward's starters do, and waits for its outcome. */
  private static WorkflowExecution update(UpdateOutcome outcome) throws Exception {
    WorkflowStub run =
        WorkflowStub.fromTyped(
            Pipelines.startUpdate(connection.client(), TestTarget.NAME, HOST, Clock.systemUTC()));
    UpdateResult result =
        run.getResult(PATIENCE.toMillis(), TimeUnit.MILLISECONDS, UpdateResult.class);
    assertEquals(outcome, result.outcome(), result.message() + "\n" + worker);
    return run.getExecution();
  }

  private static void assertMetadata(TemporalWebUi.Metadata metadata) {
    assertEquals("Update demo on " + HOST, metadata.summary());
    assertTrue(metadata.details().startsWith("Steward update pipeline: "), metadata.details());
    // A finished run keeps the details of its last step. The UI's markdown sets "12/12" as a
    // fraction (U+2044).
    assertTrue(
        metadata.currentDetails().matches("\\d+[/\u2044]\\d+ writing the status file"),
        metadata.currentDetails());
  }

  /**
   * Neither the pages nor the run's whole history hold a resolved secret, and the pages show no
   * command line and no URL.
   */
  private static void assertNoSecretIn(List<TemporalWebUi.View> views, WorkflowExecution run) {
    String historyJson = connection.client().fetchHistory(run.getWorkflowId()).toJson(false);
    for (String secret : secretParts()) {
      for (TemporalWebUi.View view : views) {
        assertFalse(view.source().contains(secret), secret + " in the " + view.name() + " view");
      }
      assertFalse(historyJson.contains(secret), secret + " in the history of " + run);
    }
    for (TemporalWebUi.View view : views) {
      for (String shown : List.of(COMMAND_MARKER, "127.0.0.1:" + target.port(), receiverHost())) {
        assertFalse(view.source().contains(shown), shown + " in the " + view.name() + " view");
      }
      assertFalse(view.text().contains("://"), "a URL in the " + view.name() + " view");
    }
  }

  /** The worker did have the secrets: the run's notices reached the secret URLs with the token. */
  private static void assertNotified(WorkflowExecution run, String title) {
    Await.until(
        "the webhook and ntfy notices of " + run.getWorkflowId(),
        PATIENCE,
        () ->
            receiver.all().stream()
                    .anyMatch(
                        r ->
                            r.path().equals("/hook/secret-path-5ec7e7")
                                && r.body().contains(run.getWorkflowId()))
                && receiver.all().stream()
                    .anyMatch(
                        r ->
                            r.path().equals("/ntfy/secret-topic-5ec7e7")
                                && title.equals(r.header("Title"))
                                && "Bearer tk-5ec7e7-bearer".equals(r.header("Authorization"))));
  }

  /** Every distinctive piece of the secret values: paths, query tokens, the bearer token. */
  private static List<String> secretParts() {
    return List.of(
        "secret-path-5ec7e7", "sk-5ec7e7", "secret-topic-5ec7e7", "tk-5ec7e7", "hc-5ec7e7");
  }

  private static String receiverHost() {
    return receiver.url("").substring("http://".length());
  }

  /** Always into target/, and into {@code -Dsteward.screenshots=DIR} when it is given. */
  private static void screenshot(String name) throws Exception {
    Path file = screenshots().resolve(name);
    ui.screenshot(file);
    String docs = System.getProperty("steward.screenshots");
    if (docs != null && !docs.isBlank()) {
      Files.createDirectories(Path.of(docs));
      Files.copy(file, Path.of(docs, name), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Path screenshots() {
    return Path.of("target", "web-ui-screenshots");
  }

  private static TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }
}
