package dev.steward.worker.config;

import dev.steward.workflows.host.RecoveryPlan;
import java.util.ArrayList;
import java.util.List;

/** Reads a target's {@code provider:} and {@code recovery:} sections. */
final class RecoverySection {
  private RecoverySection() {}

  static RecoveryPlan read(ConfigNode providerNode, ConfigNode recoveryNode, ConfigPaths paths) {
    String status = null;
    if (providerNode.present()) {
      ConfigMap provider =
          providerNode
              .map("status: https://status.openai.com/api/v2/status.json")
              .allowOnly("status");
      if (provider.has("status")) {
        status = Urls.http(provider.get("status"), "https://status.openai.com/api/v2/status.json");
      }
    }
    long wait = RecoveryPlan.DEFAULT_WAIT_FOR_PROVIDER_MILLIS;
    List<String> logs = List.of();
    if (recoveryNode.present()) {
      ConfigMap recovery =
          recoveryNode.map("waitForProvider: 30m").allowOnly("waitForProvider", "logs");
      wait = Values.durationOr(recovery, "waitForProvider", wait, 0);
      if (recovery.has("logs")) {
        List<String> files = new ArrayList<>();
        for (ConfigNode item : recovery.get("logs").items("[/srv/app/logs/agent.log]")) {
          files.add(paths.resolve(item, "/srv/app/logs/agent.log").toString());
        }
        logs = files;
      }
    }
    return new RecoveryPlan(status, wait, logs);
  }
}
