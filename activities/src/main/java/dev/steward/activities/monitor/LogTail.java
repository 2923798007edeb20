package dev.steward.activities.monitor;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the end of a log file without reading the rest: chunks from the end, backwards, until the
 * caller has seen enough. A log of gigabytes costs what its last window costs.
 */
public final class LogTail {
  private static final int CHUNK = 256 * 1024;
  private static final long MAX_BYTES = 256L * 1024 * 1024;

  private LogTail() {}

  /** The last {@code count} lines of {@code file}, or a note in parentheses when unreadable. */
  public static String lastLines(Path file, int count) {
    if (!Files.isReadable(file)) {
      return "(" + file + " is missing or unreadable)";
    }
    try {
      int[] seen = {0};
      List<String> lines = linesFromEnd(file, line -> ++seen[0] > count + 1);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  /**
   * The complete lines at the end of {@code file}, oldest first, reading backwards until {@code
   * enough} is true of the first complete line read so far (it is then included), or the file
   * starts. {@code enough} sees lines newest first, each once.
   */
  static List<String> linesFromEnd(Path file, Predicate<String> enough) throws IOException {
    return linesFromEnd(file, enough, new long[1]);
  }

  /** As above, adding the bytes read to {@code bytesRead[0]}. */
  static List<String> linesFromEnd(Path file, Predicate<String> enough, long[] bytesRead)
      throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long pos = raf.length();
      byte[] tail = new byte[0];
      int shown = 0; // The last `shown` complete lines were already tested.
      while (pos > 0 && tail.length < MAX_BYTES) {
        int n = (int) Math.min(CHUNK, pos);
        pos -= n;
        byte[] buffer = new byte[n + tail.length];
        raf.seek(pos);
        raf.readFully(buffer, 0, n);
        System.arraycopy(tail, 0, buffer, n, tail.length);
        tail = buffer;
        bytesRead[0] += n;
        List<String> lines = completeLines(tail, pos > 0);
        for (int i = lines.size() - shown - 1; i >= 0; i--) {
          if (enough.test(lines.get(i))) {
            return lines.subList(i, lines.size());
          }
        }
        shown = lines.size();
      }
      return completeLines(tail, pos > 0);
    }
  }

  private static List<String> completeLines(byte[] bytes, boolean dropFirst) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = text.lines().toList();
    return dropFirst && !lines.isEmpty() ? lines.subList(1, lines.size()) : lines;
  }
}
