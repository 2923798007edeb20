package dev.steward.worker.systemd;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Steward's drop-in for a unit, {@code <unit>.d/steward.conf}: settings by section, read back from
 * the file it wrote so that a later fix adds to it instead of forgetting what an earlier one set.
 */
final class DropIn {
  static final String FILE = "steward.conf";

  private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

  private DropIn() {
    sections.put("Unit", new LinkedHashMap<>());
    sections.put("Service", new LinkedHashMap<>());
  }

  static DropIn empty() {
    return new DropIn();
  }

  /** Reads a drop-in this class wrote (sections, {@code Key=Value}; comments skipped). */
  static DropIn parse(String text) {
    DropIn dropIn = new DropIn();
    String section = null;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("[") && line.endsWith("]")) {
        section = line.substring(1, line.length() - 1);
      } else if (section != null && !line.startsWith("#") && line.contains("=")) {
        int equals = line.indexOf('=');
        dropIn.set(section, line.substring(0, equals).strip(), line.substring(equals + 1).strip());
      }
    }
    return dropIn;
  }

  void set(String section, String key, String value) {
    sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(key, value);
  }

  boolean isEmpty() {
    return sections.values().stream().allMatch(Map::isEmpty);
  }

  /** The file's text, with a header that says why it is there. */
  String render(String header) {
    StringBuilder text = new StringBuilder();
    header.lines().forEach(line -> text.append("# ").append(line).append('\n'));
    sections.forEach(
        (section, settings) -> {
          if (!settings.isEmpty()) {
            text.append('[').append(section).append("]\n");
            settings.forEach(
                (key, value) -> text.append(key).append('=').append(value).append('\n'));
          }
        });
    return text.toString();
  }
}
