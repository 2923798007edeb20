package dev.steward.worker.config;

import static dev.steward.worker.config.ConfigFixture.MINIMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.workflows.host.MonitorPlan;
import dev.steward.workflows.host.NotifyPlan;
import dev.steward.workflows.host.NotifyPlan.Channel;
import dev.steward.workflows.host.RecoveryPlan;
import dev.steward.workflows.host.TargetPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider, recovery, monitor, heartbeat and notify sections: read, defaulted, refused. */
class OpsConfigTest {
  @TempDir Path tmp;
  ConfigFixture fx;

  @BeforeEach
  void layOutHost() throws Exception {
    fx = new ConfigFixture(tmp);
  }

  @Test
  void applies_the_defaults_when_the_sections_are_absent() throws Exception {
    TargetPlan plan = fx.load(MINIMAL).targets().get("demo");

    assertEquals(RecoveryPlan.DEFAULTS, plan.recovery());
    assertEquals(MonitorPlan.DEFAULTS, plan.monitor());
    assertEquals(NotifyPlan.NONE, plan.notifications());
  }

  @Test
  void reads_every_key_and_keeps_secret_references_unresolved() throws Exception {
    TargetPlan plan =
        fx.load(
                MINIMAL
                    + """
                        provider:
                          status: https://status.openai.com/api/v2/status.json
                        recovery:
                          waitForProvider: 45m
                          logs: [logs/agent.log]
                        monitor:
                          every: 30s
                          downAfter: 3
                          diskFreeMin: 15%
                          memoryMax: 2GiB
                          errorWindow: 2h
                          errorRateMax: 5
                          log: logs/agent.log
                          cooldown: 20m
                          maxRecoveries: 2
                          recoveryWindow: 12h
                        heartbeat:
                          url: env:HC_URL
                        notify:
                          onSuccess: true
                          channels:
                            - slack: env:SLACK_WEBHOOK
                            - ntfy: https://ntfy.sh/steward
                              token: file:/etc/steward/ntfy-token
                            - whatsapp: http://127.0.0.1:3000/send
                              chatId: 447700900123@s.whatsapp.net
                            - webhook: https://example.com/hook
                    """)
            .targets()
            .get("demo");

    String log = fx.root.resolve("logs/agent.log").toString();
    assertEquals(
        new RecoveryPlan(
            "https://status.openai.com/api/v2/status.json", 45 * 60_000L, List.of(log)),
        plan.recovery());
    assertEquals(
        new MonitorPlan(
            30_000,
            3,
            15,
            2L << 30,
            7_200_000,
            5,
            log,
            null,
            null,
            20 * 60_000L,
            2,
            43_200_000,
            "env:HC_URL"),
        plan.monitor());
    assertEquals(
        new NotifyPlan(
            true,
            List.of(
                new Channel("slack", "env:SLACK_WEBHOOK", null, null),
                new Channel(
                    "ntfy", "https://ntfy.sh/steward", "file:/etc/steward/ntfy-token", null),
                new Channel(
                    "whatsapp", "http://127.0.0.1:3000/send", null, "447700900123@s.whatsapp.net"),
                new Channel("webhook", "https://example.com/hook", null, null))),
        plan.notifications());
  }

  @Test
  void refuses_a_status_page_that_is_not_a_url() throws Exception {
    assertEquals(
        "steward.yaml:15: targets.demo.provider.status: \"status.openai.com\" is not an http URL"
            + " (write e.g. https://status.openai.com/api/v2/status.json, or env:NAME / file:PATH"
            + " for a secret one)",
        fx.error(MINIMAL + "    provider:\n      status: status.openai.com\n"));
  }

  @Test
  void refuses_a_disk_threshold_that_is_not_a_percentage() throws Exception {
    assertEquals(
        "steward.yaml:15: targets.demo.monitor.diskFreeMin: \"150%\" is not a percentage"
            + " (write one from 0% to 100%, e.g. 10%)",
        fx.error(MINIMAL + "    monitor:\n      diskFreeMin: 150%\n"));
  }

  @Test
  void suggests_the_closest_monitor_key_for_a_misspelt_one() throws Exception {
    assertEquals(
        "steward.yaml:15: targets.demo.monitor.evry: unknown key (did you mean every?)",
        fx.error(MINIMAL + "    monitor:\n      evry: 1m\n"));
  }

  @Test
  void refuses_an_error_pattern_that_is_not_a_regular_expression() throws Exception {
    assertEquals(
        "steward.yaml:16: targets.demo.monitor.errorPattern: \"HTTP (5\" is not a regular"
            + " expression (Unclosed group near index 7)",
        fx.error(MINIMAL + "    monitor:\n      callPattern: call\n      errorPattern: HTTP (5\n"));
  }

  @Test
  void refuses_a_channel_that_names_two_kinds() throws Exception {
    assertEquals(
        "steward.yaml:16: targets.demo.notify.channels[0]: names more than one channel:"
            + " [webhook, slack] (give exactly one of webhook, slack, ntfy, whatsapp with its URL)",
        fx.error(
            MINIMAL
                + "    notify:\n      channels:\n        - webhook: https://a.example\n"
                + "          slack: https://b.example\n"));
  }

  @Test
  void refuses_a_whatsapp_channel_without_its_chat() throws Exception {
    assertEquals(
        "steward.yaml:16: targets.demo.notify.channels[0].chatId: missing (the WhatsApp bridge"
            + " needs the chat, e.g. chatId: 447700900123@s.whatsapp.net)",
        fx.error(
            MINIMAL
                + "    notify:\n      channels:\n        - whatsapp: http://127.0.0.1:3000/send\n"));
  }

  @Test
  void refuses_on_success_that_is_not_a_boolean() throws Exception {
    assertEquals(
        "steward.yaml:15: targets.demo.notify.onSuccess: \"sometimes\" is not true or false"
            + " (write onSuccess: true)",
        fx.error(MINIMAL + "    notify:\n      onSuccess: sometimes\n"));
  }

  @Test
  void suggests_url_for_a_misspelt_heartbeat_key() throws Exception {
    assertEquals(
        "steward.yaml:15: targets.demo.heartbeat.uri: unknown key (did you mean url?)",
        fx.error(MINIMAL + "    heartbeat:\n      uri: https://hc-ping.com/x\n"));
  }
}
