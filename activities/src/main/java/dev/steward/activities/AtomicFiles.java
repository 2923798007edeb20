package dev.steward.activities;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes that a crash leaves either complete or absent, never half done. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes {@code content} to a temporary sibling, syncs it, then renames it over {@code target}.
   */
  public static void write(Path target, byte[] content) throws IOException {
    Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
    try {
      Files.write(partial, content);
      sync(partial);
      moveInPlace(partial, target);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** Renames {@code source} to {@code target} in one step (same directory, so same filesystem). */
  public static void moveInPlace(Path source, Path target) throws IOException {
    Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Flushes a file's bytes to disk, so the rename that publishes it cannot outrun them. */
  public static void sync(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }
}
