package dev.steward.worker.config;

import java.net.URI;
import java.net.URISyntaxException;

/** URLs in steward.yaml: http(s), or a secret reference kept as written for the activity. */
final class Urls {
  private Urls() {}

  static String http(ConfigNode node, String example) {
    String text = node.text(example).trim();
    if (text.startsWith("env:") || text.startsWith("file:")) {
      return text;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
        return text;
      }
    } catch (URISyntaxException e) {
      // Reported below like any other URL that is not http.
    }
    throw node.error(
        ConfigNode.quote(text) + " is not an http URL",
        "write e.g. " + example + ", or env:NAME / file:PATH for a secret one");
  }
}
