package dev.steward.worker.config;

import dev.steward.workflows.host.TargetPlan.HealthPlan;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** Reads a target's {@code health:} section. */
final class HealthSection {
  static final long DEFAULT_STABLE_FOR_MILLIS = 10_000;
  static final long DEFAULT_TIMEOUT_MILLIS = 120_000;

  private HealthSection() {}

  static HealthPlan read(ConfigNode node) {
    if (!node.present()) {
      throw node.missing("add health: with http: URL or command: [...] that says it is healthy");
    }
    ConfigMap health =
        node.map("http: http://127.0.0.1:8080/health")
            .allowOnly("http", "command", "stableFor", "timeout");
    if (!health.has("http") && !health.has("command")) {
      throw node.keyError(
          "has neither http nor command",
          "add http: a URL that answers 2xx when healthy, or command: [...] that exits 0");
    }
    String http = health.has("http") ? url(health.get("http")) : null;
    List<String> command =
        health.has("command") ? health.get("command").argv("[./healthcheck.sh]") : List.of();
    long stableFor = Values.durationOr(health, "stableFor", DEFAULT_STABLE_FOR_MILLIS, 0);
    long timeout = Values.durationOr(health, "timeout", DEFAULT_TIMEOUT_MILLIS, 1_000);
    if (stableFor >= timeout) {
      throw health
          .get(health.has("stableFor") ? "stableFor" : "timeout")
          .error(
              "stableFor "
                  + Quantities.formatMillis(stableFor)
                  + " is not shorter than timeout "
                  + Quantities.formatMillis(timeout),
              "raise timeout, or lower stableFor: health could never hold long enough");
    }
    return new HealthPlan(http, command, stableFor, timeout);
  }

  /**
   * An http(s) URL. A secret reference ({@code env:NAME}, {@code file:PATH}) is kept as written: it
   * is resolved by the probe at use, never here.
   */
  private static String url(ConfigNode node) {
    String text = node.text("http: http://127.0.0.1:8080/health").trim();
    if (text.startsWith("env:") || text.startsWith("file:")) {
      return text;
    }
    String hint = text.contains("://") ? "try http://127.0.0.1:8080/health" : "try http://" + text;
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
        return text;
      }
    } catch (URISyntaxException e) {
      // Reported below like any other URL that is not http.
    }
    throw node.error(ConfigNode.quote(text) + " is not an http URL", hint);
  }
}
