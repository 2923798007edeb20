package dev.steward.worker.config;

import dev.steward.workflows.host.MonitorPlan;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a target's {@code monitor:} and {@code heartbeat:} sections. */
final class MonitorSection {
  private static final MonitorPlan D = MonitorPlan.DEFAULTS;

  private MonitorSection() {}

  static MonitorPlan read(ConfigNode monitorNode, ConfigNode heartbeatNode, ConfigPaths paths) {
    String heartbeat = null;
    if (heartbeatNode.present()) {
      ConfigMap map = heartbeatNode.map("url: env:HEALTHCHECKS_URL").allowOnly("url");
      heartbeat = Urls.http(map.get("url"), "https://hc-ping.com/<uuid>");
    }
    if (!monitorNode.present()) {
      return withHeartbeat(D, heartbeat);
    }
    ConfigMap m =
        monitorNode
            .map("every: 1m")
            .allowOnly(
                "every",
                "downAfter",
                "diskFreeMin",
                "memoryMax",
                "errorWindow",
                "errorRateMax",
                "log",
                "callPattern",
                "errorPattern",
                "cooldown",
                "maxRecoveries",
                "recoveryWindow");
    String callPattern = m.has("callPattern") ? regex(m.get("callPattern")) : null;
    String errorPattern = m.has("errorPattern") ? regex(m.get("errorPattern")) : null;
    if ((callPattern == null) != (errorPattern == null)) {
      ConfigNode given = m.get(callPattern == null ? "errorPattern" : "callPattern");
      throw given.keyError(
          "needs its partner", "set both callPattern and errorPattern, or neither for Hermes logs");
    }
    return new MonitorPlan(
        Values.durationOr(m, "every", D.everyMillis(), 1_000),
        m.has("downAfter") ? positive(m.get("downAfter"), "2") : D.downAfter(),
        m.has("diskFreeMin") ? percent(m.get("diskFreeMin"), "10%") : D.diskFreeMinPercent(),
        m.has("memoryMax") ? Values.size(m.get("memoryMax"), "2GiB") : 0,
        Values.durationOr(m, "errorWindow", D.errorWindowMillis(), 60_000),
        m.has("errorRateMax") ? percent(m.get("errorRateMax"), "10%") : D.errorRateMaxPercent(),
        m.has("log") ? paths.resolve(m.get("log"), "~/.hermes/logs/agent.log").toString() : null,
        callPattern,
        errorPattern,
        Values.durationOr(m, "cooldown", D.recoveryCooldownMillis(), 0),
        m.has("maxRecoveries") ? positive(m.get("maxRecoveries"), "3") : D.maxRecoveries(),
        Values.durationOr(m, "recoveryWindow", D.recoveryWindowMillis(), 60_000),
        heartbeat);
  }

  private static MonitorPlan withHeartbeat(MonitorPlan p, String heartbeat) {
    return new MonitorPlan(
        p.everyMillis(),
        p.downAfter(),
        p.diskFreeMinPercent(),
        p.memoryMaxBytes(),
        p.errorWindowMillis(),
        p.errorRateMaxPercent(),
        p.log(),
        p.callPattern(),
        p.errorPattern(),
        p.recoveryCooldownMillis(),
        p.maxRecoveries(),
        p.recoveryWindowMillis(),
        heartbeat);
  }

  private static int positive(ConfigNode node, String example) {
    int value = Values.wholeNumber(node, example);
    if (value < 1) {
      throw node.error(value + " is too small", "use at least 1, e.g. " + example);
    }
    return value;
  }

  /** A percentage: {@code 10%} or {@code 10}, from 0 to 100. */
  static double percent(ConfigNode node, String example) {
    String text = node.text(example).trim();
    String number = text.endsWith("%") ? text.substring(0, text.length() - 1).trim() : text;
    try {
      double value = Double.parseDouble(number);
      if (value >= 0 && value <= 100) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw node.error(
        ConfigNode.quote(text) + " is not a percentage",
        "write one from 0% to 100%, e.g. " + example);
  }

  private static String regex(ConfigNode node) {
    String text = node.text("'HTTP 5\\d\\d'");
    try {
      Pattern.compile(text);
      return text;
    } catch (PatternSyntaxException e) {
      throw node.error(
          ConfigNode.quote(text) + " is not a regular expression",
          e.getDescription() + " near index " + e.getIndex());
    }
  }
}
