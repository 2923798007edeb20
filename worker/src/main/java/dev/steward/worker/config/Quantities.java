package dev.steward.worker.config;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes and durations as steward.yaml writes them: a whole number and a unit.
 *
 * <p>Sizes: {@code B}, {@code KiB}, {@code MiB}, {@code GiB}, {@code TiB} (1024-based), and also
 * {@code KB}, {@code MB}, {@code GB}, {@code TB} (1000-based, as disk vendors and {@code df -H}
 * count); units are case-insensitive. Durations: {@code ms}, {@code s}, {@code m} (minutes), {@code
 * h}, {@code d}, lower case. A bare number is refused: {@code 512} could mean anything.
 */
public final class Quantities {
  private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]*)");
  private static final Map<String, Long> SIZE_UNITS =
      Map.of(
          "b", 1L,
          "kib", 1L << 10,
          "mib", 1L << 20,
          "gib", 1L << 30,
          "tib", 1L << 40,
          "kb", 1_000L,
          "mb", 1_000_000L,
          "gb", 1_000_000_000L,
          "tb", 1_000_000_000_000L);
  private static final Map<String, Long> DURATION_UNITS =
      Map.of("ms", 1L, "s", 1_000L, "m", 60_000L, "h", 3_600_000L, "d", 86_400_000L);

  private Quantities() {}

  /** The number of bytes {@code text} means, or empty when it is not a size. */
  public static OptionalLong parseBytes(String text) {
    return parse(text, SIZE_UNITS, true);
  }

  /** The number of milliseconds {@code text} means, or empty when it is not a duration. */
  public static OptionalLong parseMillis(String text) {
    return parse(text, DURATION_UNITS, false);
  }

  private static OptionalLong parse(String text, Map<String, Long> units, boolean anyCase) {
    Matcher m = AMOUNT.matcher(text.trim());
    if (!m.matches() || m.group(1).contains(".")) {
      return OptionalLong.empty();
    }
    Long factor = units.get(anyCase ? m.group(2).toLowerCase(Locale.ROOT) : m.group(2));
    if (factor == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Math.multiplyExact(Long.parseLong(m.group(1)), factor));
    } catch (ArithmeticException | NumberFormatException tooLarge) {
      return OptionalLong.empty();
    }
  }

  /** A size close to what someone meant by {@code text}, falling back to {@code example}. */
  static String sizeHint(String text, String example) {
    Matcher m = AMOUNT.matcher(text.trim());
    if (!m.matches()) {
      return example;
    }
    String unit = guessSizeUnit(m.group(2));
    BigDecimal amount = new BigDecimal(m.group(1));
    if (amount.stripTrailingZeros().scale() > 0 && !unit.equals("B")) {
      // 1.5GiB is not whole: say it in the next smaller unit, 1536MiB.
      return amount.multiply(BigDecimal.valueOf(1024)).toBigInteger() + smallerUnit(unit);
    }
    return amount.toBigInteger() + unit;
  }

  private static String guessSizeUnit(String unit) {
    String u = unit.toLowerCase(Locale.ROOT);
    if (u.startsWith("k")) {
      return "KiB";
    } else if (u.startsWith("g")) {
      return "GiB";
    } else if (u.startsWith("t")) {
      return "TiB";
    } else if (u.startsWith("b")) {
      return "B";
    }
    return "MiB";
  }

  private static String smallerUnit(String unit) {
    return switch (unit) {
      case "TiB" -> "GiB";
      case "GiB" -> "MiB";
      case "MiB" -> "KiB";
      default -> "B";
    };
  }

  /** A duration close to what someone meant by {@code text}, falling back to {@code example}. */
  static String durationHint(String text, String example) {
    Matcher m = AMOUNT.matcher(text.trim());
    if (!m.matches() || m.group(1).contains(".")) {
      return example;
    }
    String u = m.group(2).toLowerCase(Locale.ROOT);
    String unit;
    if (u.startsWith("ms") || u.startsWith("milli")) {
      unit = "ms";
    } else if (u.startsWith("mi") || u.equals("m")) {
      unit = "m";
    } else if (u.startsWith("h")) {
      unit = "h";
    } else if (u.startsWith("d")) {
      unit = "d";
    } else {
      unit = "s";
    }
    return m.group(1) + unit;
  }

  /** Writes a byte count in the largest binary unit that divides it, e.g. 512MiB. */
  public static String formatBytes(long bytes) {
    String[] units = {"TiB", "GiB", "MiB", "KiB"};
    for (int i = 0; i < units.length; i++) {
      long factor = 1L << (10 * (units.length - i));
      if (bytes != 0 && bytes % factor == 0) {
        return bytes / factor + units[i];
      }
    }
    return bytes + "B";
  }

  /** Writes milliseconds in the largest unit that divides them, e.g. 15m. */
  public static String formatMillis(long millis) {
    String[] units = {"d", "h", "m", "s"};
    long[] factors = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    for (int i = 0; i < units.length; i++) {
      if (millis != 0 && millis % factors[i] == 0) {
        return millis / factors[i] + units[i];
      }
    }
    return millis + "ms";
  }
}
