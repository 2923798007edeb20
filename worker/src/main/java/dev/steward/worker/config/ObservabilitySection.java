package dev.steward.worker.config;

import java.nio.file.Path;

/** Reads the top-level {@code metrics:} and {@code logs:} sections. */
final class ObservabilitySection {
  private ObservabilitySection() {}

  static Observability read(ConfigNode metrics, ConfigNode logs, ConfigPaths paths) {
    return new Observability(port(metrics), logDir(logs, paths));
  }

  private static Integer port(ConfigNode node) {
    if (!node.present()) {
      return null;
    }
    ConfigNode port = node.map("port: 9464").allowOnly("port").get("port");
    String text = port.text("port: 9464").trim();
    try {
      int value = Integer.parseInt(text);
      if (value >= 1 && value <= 65535) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw port.error(ConfigNode.quote(text) + " is not a port", "use 1-65535, e.g. port: 9464");
  }

  private static Path logDir(ConfigNode node, ConfigPaths paths) {
    if (!node.present()) {
      return null;
    }
    return paths.creatableDir(
        node.map("dir: /var/log/steward").allowOnly("dir").get("dir"), "dir: /var/log/steward");
  }
}
