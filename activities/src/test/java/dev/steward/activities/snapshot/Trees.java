package dev.steward.activities.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A directory tree as a map a test can compare: each path to its kind, bytes and mode. */
final class Trees {
  private Trees() {}

  /** Every path under {@code root} (relative), mapped to what it is and holds. */
  static Map<String, String> read(Path root) throws IOException {
    Map<String, String> tree = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        if (!path.equals(root)) {
          tree.put(root.relativize(path).toString(), describe(path));
        }
      }
    }
    return tree;
  }

  private static String describe(Path path) throws IOException {
    if (Files.isSymbolicLink(path)) {
      return "link -> " + Files.readSymbolicLink(path);
    }
    String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return "dir " + mode;
    }
    return "file " + mode + " " + Base64.getEncoder().encodeToString(Files.readAllBytes(path));
  }

  /** Writes {@code content} to {@code root/relative}, creating parent directories. */
  static Path write(Path root, String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }
}
