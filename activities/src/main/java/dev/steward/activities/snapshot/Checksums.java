package dev.steward.activities.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 checksums, as lowercase hex. */
final class Checksums {
  private Checksums() {}

  /** The SHA-256 of a file's bytes. */
  static String sha256(Path file) throws IOException {
    MessageDigest digest = newDigest();
    HeartbeatPacer pacer = new HeartbeatPacer();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        pacer.tick();
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The first eight hex digits of the SHA-256 of {@code text}: short, and stable across runs. */
  static String shortHash(String text) {
    byte[] hash = newDigest().digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash).substring(0, 8);
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
