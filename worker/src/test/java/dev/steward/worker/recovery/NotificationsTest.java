package dev.steward.worker.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.Secrets;
import dev.steward.activities.notify.NotifyActivitiesImpl;
import dev.steward.worker.HttpReceiver;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.host.Notice;
import dev.steward.workflows.host.NotifyPlan;
import dev.steward.workflows.host.NotifyPlan.Channel;
import dev.steward.workflows.notify.NotifyRequest;
import dev.steward.workflows.notify.NotifyResult;
import dev.steward.workflows.notify.NotifyWorkflow;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateResult;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each channel's payload, as a real HTTP server on loopback receives it. */
class NotificationsTest {
  private static final Notice NOTICE =
      new Notice(
          "demo",
          Notice.CRITICAL,
          "demo: recovery failed",
          "still down after the rollback",
          "Traceback: schema.txt is corrupt",
          "recover/demo/2026-11-29T03:00:00Z",
          "2026-11-29T03:04:00Z");

  @TempDir Path tmp;
  private HttpReceiver http;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() throws Exception {
    http = HttpReceiver.start();
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @Test
  void posts_the_whole_notice_as_json_to_a_webhook_whose_url_is_a_secret_reference()
      throws Exception {
    var sender = new NotifyActivitiesImpl(new Secrets(Map.of("HOOK_URL", http.url("/hook"))));

    sender.sendNotice(new Channel(Channel.WEBHOOK, "env:HOOK_URL", null, null), NOTICE);

    HttpReceiver.Request request = http.next(10);
    assertEquals("POST", request.method());
    assertEquals("application/json", request.header("Content-Type"));
    assertEquals(json.valueToTree(NOTICE), json.readTree(request.body()));
  }

  @Test
  void posts_a_text_with_title_and_evidence_to_slack() throws Exception {
    new NotifyActivitiesImpl()
        .sendNotice(new Channel(Channel.SLACK, http.url("/slack"), null, null), NOTICE);

    JsonNode body = json.readTree(http.next(10).body());
    assertEquals(1, body.size(), "Slack takes one field: text");
    String text = body.get("text").asText();
    assertTrue(text.startsWith("*[CRITICAL] demo: recovery failed*"), text);
    assertTrue(text.contains("still down after the rollback"), text);
    assertTrue(text.contains("```Traceback: schema.txt is corrupt```"), text);
  }

  @Test
  void posts_the_message_with_title_priority_and_bearer_token_to_ntfy() throws Exception {
    var sender = new NotifyActivitiesImpl(new Secrets(Map.of("NTFY_TOKEN", "tk_secret")));

    sender.sendNotice(
        new Channel(Channel.NTFY, http.url("/steward-alerts"), "env:NTFY_TOKEN", null), NOTICE);

    HttpReceiver.Request request = http.next(10);
    assertEquals("/steward-alerts", request.path());
    assertEquals("demo: recovery failed", request.header("Title"));
    assertEquals("urgent", request.header("Priority"));
    assertEquals("Bearer tk_secret", request.header("Authorization"));
    assertTrue(request.body().startsWith("still down after the rollback"), request.body());
    assertTrue(request.body().contains("schema.txt is corrupt"), request.body());
  }

  @Test
  void posts_chat_id_and_message_to_the_hermes_whatsapp_bridge() throws Exception {
    new NotifyActivitiesImpl()
        .sendNotice(
            new Channel(Channel.WHATSAPP, http.url("/send"), null, "447700900123@s.whatsapp.net"),
            NOTICE);

    HttpReceiver.Request request = http.next(10);
    assertEquals("/send", request.path());
    JsonNode body = json.readTree(request.body());
    assertEquals("447700900123@s.whatsapp.net", body.get("chatId").asText());
    assertTrue(
        body.get("message").asText().startsWith("[CRITICAL] demo: recovery failed\n"),
        request.body());
  }

  @Test
  void retries_a_failing_channel_with_backoff_records_it_and_still_sends_to_the_others()
      throws Exception {
    http.answer("/down", 500, "");
    try (RecoveryHarness harness = new RecoveryHarness(tmp)) {
      // The host sends only to channels its own config names.
      harness.target.withConfig(
          "    notify:\n      channels:\n        - webhook: "
              + http.url("/down")
              + "\n        - slack: "
              + http.url("/ok")
              + "\n");
      NotifyWorkflow workflow =
          harness
              .env
              .getWorkflowClient()
              .newWorkflowStub(
                  NotifyWorkflow.class,
                  WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.WORKFLOWS).build());
      NotifyPlan channels =
          new NotifyPlan(
              false,
              List.of(
                  new Channel(Channel.WEBHOOK, http.url("/down"), null, null),
                  new Channel(Channel.SLACK, http.url("/ok"), null, null)));

      NotifyResult result =
          workflow.send(new NotifyRequest(RecoveryHarness.HOST, channels, NOTICE));

      assertEquals(List.of("slack (127.0.0.1:" + port() + ")"), result.sent());
      assertEquals(1, result.failed().size(), result.toString());
      assertTrue(result.failed().get(0).contains("answered HTTP 500"), result.toString());
      long attempts = http.all().stream().filter(r -> r.path().equals("/down")).count();
      assertEquals(6, attempts, "the failing channel is tried six times");
    }
  }

  @Test
  void an_update_that_rolls_back_sends_a_warning_and_a_successful_one_only_when_asked()
      throws Exception {
    try (RecoveryHarness harness = new RecoveryHarness(tmp, false)) {
      harness.target.withConfig(
          "    notify:\n      channels:\n        - webhook: " + http.url("/hook") + "\n");
      harness.startHealthy();
      harness.target.publish("healthy v2");
      assertEquals(UpdateOutcome.UPDATED, harness.update().outcome());
      harness.target.publish("exits-after-1s");

      UpdateResult rolledBack = harness.update();

      assertEquals(UpdateOutcome.ROLLED_BACK, rolledBack.outcome());
      JsonNode notice = json.readTree(http.next(60).body());
      assertEquals("warning", notice.get("severity").asText());
      assertEquals("demo: update rolled back", notice.get("title").asText());
      assertEquals(rolledBack.workflowId(), notice.get("workflowId").asText());
      assertNull(http.next(1), "the successful update sent nothing: onSuccess is off");
    }
  }

  private int port() {
    return Integer.parseInt(http.url("/").replaceAll(".*:(\\d+)/", "$1"));
  }
}
