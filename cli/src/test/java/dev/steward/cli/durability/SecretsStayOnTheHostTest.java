package dev.steward.cli.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.Await;
import dev.steward.worker.HttpReceiver;
import dev.steward.worker.Pipelines;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.config.TemporalSettings;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets written as {@code env:} references are resolved by the worker at the moment it sends, and
 * nowhere else: a rolled-back update notifies a webhook and an ntfy topic with a token (they
 * receive them, so the secrets were used), and neither value is in any history on the real server
 * nor in anything the worker wrote.
 */
class SecretsStayOnTheHostTest {
  private static final String HOOK_SECRET = "hook-path-5e3f9a1c";
  private static final String TOKEN = "tk_live_8c1d44e2b7";

  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  @TempDir Path tmp;

  @Test
  void secrets_given_as_env_references_never_reach_history_or_the_workers_log() throws Exception {
    TestTarget target = TestTarget.create(tmp.resolve("target"));
    target.withConfig(
        "    notify:\n      channels:\n        - webhook: env:STEWARD_TEST_HOOK\n"
            + "        - ntfy: env:STEWARD_TEST_NTFY\n          token: env:STEWARD_TEST_TOKEN\n");
    Path logs = Files.createDirectories(tmp.resolve("logs"));
    Path config =
        Files.writeString(
            tmp.resolve("steward.yaml"),
            temporal.configSection()
                + "logs: {dir: "
                + logs.resolve("worker")
                + "}\n"
                + Files.readString(target.config()));
    ServiceActivitiesImpl service = new ServiceActivitiesImpl();
    TargetPlan plan = ConfigLoader.forThisMachine().load(config).targets().get("demo");
    service.restartService(plan);
    target.publish("never-healthy");

    try (HttpReceiver receiver = HttpReceiver.start();
        TemporalConnection connection =
            TemporalConnection.connect(new TemporalSettings(temporal.address(), "default"));
        StewardProcess worker =
            StewardProcess.start(
                logs,
                "worker",
                Map.of(
                    "STEWARD_TEST_HOOK", receiver.url("/" + HOOK_SECRET),
                    "STEWARD_TEST_NTFY", receiver.url("/topic"),
                    "STEWARD_TEST_TOKEN", TOKEN),
                "-c",
                config.toString(),
                "worker")) {
      worker.awaitOutput("steward worker for host", Duration.ofMinutes(2));
      UpdateResult result =
          WorkflowStub.fromTyped(
                  Pipelines.startUpdate(
                      connection.client(), "demo", "test-host", Clock.systemUTC()))
              .getResult(UpdateResult.class);
      assertEquals(UpdateOutcome.ROLLED_BACK, result.outcome(), result.message());
      HttpReceiver.Request first = receiver.next(120);
      HttpReceiver.Request second = receiver.next(120);
      assertTrue(first != null && second != null, "both channels should be notified");
      assertEquals(
          List.of("/" + HOOK_SECRET, "/topic"),
          Stream.of(first, second).map(HttpReceiver.Request::path).sorted().toList());
      HttpReceiver.Request ntfy = first.path().equals("/topic") ? first : second;
      assertEquals("Bearer " + TOKEN, ntfy.header("Authorization"));

      String histories = allHistories(connection);
      assertTrue(histories.contains("env:STEWARD_TEST_HOOK"), "the reference itself is recorded");
      assertFalse(histories.contains(HOOK_SECRET), "the webhook URL reached history");
      assertFalse(histories.contains(TOKEN), "the token reached history");
      String written = worker + allFiles(logs);
      assertFalse(written.contains(HOOK_SECRET), "the webhook URL reached the worker's output");
      assertFalse(written.contains(TOKEN), "the token reached the worker's output");
    } finally {
      service.stopService(plan);
    }
  }

  /** Every run's whole history on the server, once the update and the notice it started ended. */
  private static String allHistories(TemporalConnection connection) {
    // Visibility lags a little behind the runs themselves on a real server.
    Await.until(
        "the update and its notice to be listed as closed",
        Duration.ofMinutes(2),
        () -> connection.client().listExecutions("ExecutionStatus != 'Running'").count() >= 2);
    List<String> histories = new ArrayList<>();
    connection
        .client()
        .listExecutions("")
        .forEach(
            run ->
                histories.add(
                    withPayloadsDecoded(
                        connection
                            .client()
                            .fetchHistory(
                                run.getExecution().getWorkflowId(), run.getExecution().getRunId())
                            .toJson(false))));
    return String.join("\n", histories);
  }

  /**
   * The history's JSON followed by the text of every payload in it: payloads (inputs, results,
   * failures' details) are base64 in the JSON, where a plain search would miss a secret.
   */
  private static String withPayloadsDecoded(String json) {
    StringBuilder text = new StringBuilder(json);
    try {
      for (JsonNode data : new ObjectMapper().readTree(json).findValues("data")) {
        if (data.isTextual()) {
          byte[] decoded = Base64.getDecoder().decode(data.asText());
          text.append('\n').append(new String(decoded, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new AssertionError("unreadable history: " + e, e);
    }
    return text.toString();
  }

  private static String allFiles(Path dir) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        text.append(Files.readString(file));
      }
    }
    return text.toString();
  }
}
