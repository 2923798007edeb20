package dev.steward.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantitiesTest {
  @Test
  void reads_binary_sizes_and_decimal_sizes() {
    assertEquals(512L << 20, Quantities.parseBytes("512MiB").getAsLong());
    assertEquals(5L << 30, Quantities.parseBytes("5 gib").getAsLong());
    assertEquals(17, Quantities.parseBytes("17B").getAsLong());
    assertEquals(2_000_000_000L, Quantities.parseBytes("2GB").getAsLong());
    assertEquals(3_000, Quantities.parseBytes("3KB").getAsLong());
  }

  @Test
  void refuses_sizes_without_a_unit_or_with_a_fraction_and_suggests_one() {
    assertTrue(Quantities.parseBytes("512").isEmpty());
    assertTrue(Quantities.parseBytes("1.5GiB").isEmpty());
    assertTrue(Quantities.parseBytes("99999999999TiB").isEmpty());
    assertEquals("512MiB", Quantities.sizeHint("512", "1GiB"));
    assertEquals("1536MiB", Quantities.sizeHint("1.5GiB", "1GiB"));
    assertEquals("1GiB", Quantities.sizeHint("lots", "1GiB"));
  }

  @Test
  void reads_durations_and_suggests_one_for_words() {
    assertEquals(250, Quantities.parseMillis("250ms").getAsLong());
    assertEquals(15 * 60_000, Quantities.parseMillis("15m").getAsLong());
    assertEquals(2 * 86_400_000L, Quantities.parseMillis("2d").getAsLong());
    assertTrue(Quantities.parseMillis("10").isEmpty());
    assertTrue(Quantities.parseMillis("10S").isEmpty());
    assertEquals("2m", Quantities.durationHint("2 minutes", "10s"));
    assertEquals("3h", Quantities.durationHint("3 hours", "10s"));
  }

  @Test
  void writes_sizes_and_durations_back_in_their_largest_whole_unit() {
    assertEquals("512MiB", Quantities.formatBytes(512L << 20));
    assertEquals("1000B", Quantities.formatBytes(1000));
    assertEquals("15m", Quantities.formatMillis(15 * 60_000));
    assertEquals("1500ms", Quantities.formatMillis(1500));
  }
}
