package dev.steward.worker.config;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Typed scalar reads shared by the sections: whole numbers, sizes and durations. */
final class Values {
  private Values() {}

  static int wholeNumber(ConfigNode node, String example) {
    String text = node.text(example);
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw node.error(ConfigNode.quote(text) + " is not a whole number", "write e.g. " + example);
    }
  }

  static long size(ConfigNode node, String example) {
    String text = node.text(example);
    return Quantities.parseBytes(text)
        .orElseThrow(
            () ->
                node.error(
                    ConfigNode.quote(text) + " is not a size",
                    "try " + Quantities.sizeHint(text, example)));
  }

  /** A duration in milliseconds, at least {@code minMillis}. */
  static long duration(ConfigNode node, String example, long minMillis) {
    String text = node.text(example);
    long millis =
        Quantities.parseMillis(text)
            .orElseThrow(
                () ->
                    node.error(
                        ConfigNode.quote(text) + " is not a duration",
                        "try " + Quantities.durationHint(text, example)));
    if (millis < minMillis) {
      throw node.error(
          text + " is too short", "use at least " + Quantities.formatMillis(minMillis));
    }
    return millis;
  }

  /** The value under a key, or {@code fallback} when the key is absent. */
  static long durationOr(ConfigMap map, String key, long fallback, long minMillis) {
    ConfigNode node = map.get(key);
    return node.present() ? duration(node, Quantities.formatMillis(fallback), minMillis) : fallback;
  }

  /** An IANA time zone, e.g. {@code Europe/London}, as its normalised id. */
  static String timezone(ConfigNode node) {
    String text = node.text("timezone: Europe/London").trim();
    try {
      return ZoneId.of(text).getId();
    } catch (DateTimeException e) {
      throw node.error(
          ConfigNode.quote(text) + " is not a time zone",
          "use an IANA name such as Europe/London or UTC");
    }
  }
}
