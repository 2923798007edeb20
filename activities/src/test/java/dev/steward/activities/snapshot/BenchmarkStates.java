package dev.steward.activities.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * State directories for the benchmarks, made of files that compress like an agent's: JSON-lines
 * memory (compresses well) and database or index shards (random bytes, not at all). Seeded, so a
 * benchmark writes the same bytes every run.
 */
public final class BenchmarkStates {
  private BenchmarkStates() {}

  /** {@code count} files of JSON lines, {@code bytes} each: compresses like real memory files. */
  public static void writeText(Path dir, int count, int bytes) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(1);
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder(bytes + 200);
      while (text.length() < bytes) {
        text.append("{\"t\":")
            .append(1_700_000_000L + random.nextInt(10_000_000))
            .append(",\"role\":\"user\",\"text\":\"remember that the deploy key rotates on day ")
            .append(random.nextInt(31))
            .append("\"}\n");
      }
      Files.write(
          dir.resolve("session-" + i + ".jsonl"),
          text.substring(0, bytes).getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * {@code count} files of random bytes, {@code bytes} each: as a SQLite file barely compresses.
   */
  public static void writeRandom(Path dir, int count, int bytes) throws IOException {
    Files.createDirectories(dir);
    Random random = new Random(2);
    byte[] content = new byte[bytes];
    for (int i = 0; i < count; i++) {
      random.nextBytes(content);
      Files.write(dir.resolve("shard-" + i + ".bin"), content);
    }
  }
}
