package dev.steward.worker.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The entries of one mapping in steward.yaml, with their keys checked against the known ones. */
final class ConfigMap {
  private final ConfigNode owner;
  private final Map<String, ConfigNode> children;

  ConfigMap(ConfigNode owner, Map<String, ConfigNode> children) {
    this.owner = owner;
    this.children = children;
  }

  /** Fails on the first key that is not one of {@code known}, suggesting the closest known one. */
  ConfigMap allowOnly(String... known) {
    List<String> knownKeys = List.of(known);
    for (Map.Entry<String, ConfigNode> entry : children.entrySet()) {
      if (!knownKeys.contains(entry.getKey())) {
        String closest = closest(entry.getKey(), knownKeys);
        String fix =
            closest != null
                ? "did you mean " + closest + "?"
                : "known keys here: " + String.join(", ", knownKeys);
        throw entry.getValue().keyError("unknown key", fix);
      }
    }
    return this;
  }

  /** The value under {@code name}; an absent one still knows its key and where it belongs. */
  ConfigNode get(String name) {
    ConfigNode child = children.get(name);
    return child != null ? child : owner.absentChild(name);
  }

  boolean has(String name) {
    return get(name).present();
  }

  /** The entries by their own (undotted) names, in the file's order. */
  Map<String, ConfigNode> entries() {
    return children;
  }

  boolean isEmpty() {
    return children.isEmpty();
  }

  /** The known key a typo most likely meant, or null when none is close. */
  static String closest(String typed, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(typed.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(1, Math.min(3, typed.length() / 3));
    return bestDistance <= allowed ? best : null;
  }

  /**
   * Levenshtein distance: the fewest single-character edits that turn one string into the other.
   */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
