package dev.steward.activities.disk;

/** Byte counts for people: {@code 311 MiB}, {@code 1.5 GiB}, {@code 20 B}. */
public final class Sizes {
  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

  private Sizes() {}

  /** {@code bytes} in the largest binary unit that keeps the number at least 1. */
  public static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    // One decimal only where it says something: 1.5 GiB, but 311 MiB.
    String number =
        value < 10 && value != Math.floor(value)
            ? String.format(java.util.Locale.ROOT, "%.1f", value)
            : String.valueOf((long) value);
    return number + " " + UNITS[unit];
  }
}
