package dev.steward.activities.snapshot;

import dev.steward.activities.snapshot.EntryAttributes.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Makes a state directory exactly what a built-in archive holds: what the archive lacks is deleted,
 * every entry is written back with its time and permissions. Paths outside the {@link StateScope}
 * are neither deleted nor written, and so are sockets, pipes and devices the archive does not name.
 * Running it twice gives the same result.
 */
final class ArchiveRestorer {
  private final StateScope scope;
  private final HeartbeatPacer pacer = new HeartbeatPacer();

  ArchiveRestorer(StateScope scope) {
    this.scope = scope;
  }

  /** Restores {@code zip} into the scope's state directory. */
  void restore(Path zip) throws IOException {
    try (ZipFile archive = new ZipFile(zip.toFile())) {
      Map<String, EntryAttributes> entries = index(archive);
      Files.createDirectories(scope.state());
      removeWhatTheArchiveLacks(entries);
      List<ZipEntry> directories = new ArrayList<>();
      for (ZipEntry entry : Collections.list(archive.entries())) {
        pacer.tick();
        if (writeEntry(archive, entry)) {
          directories.add(entry);
        }
      }
      // Children first: writing into a directory changes its time, and a read-only one blocks it.
      Collections.reverse(directories);
      for (ZipEntry directory : directories) {
        finish(pathOf(directory), directory);
      }
    }
  }

  private Map<String, EntryAttributes> index(ZipFile archive) throws ZipException {
    Map<String, EntryAttributes> entries = new HashMap<>();
    for (ZipEntry entry : Collections.list(archive.entries())) {
      entries.put(relativeName(entry), EntryAttributes.of(entry));
    }
    return entries;
  }

  private void removeWhatTheArchiveLacks(Map<String, EntryAttributes> entries) throws IOException {
    Files.walkFileTree(
        scope.state(),
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean root = dir.equals(scope.state());
            return !root && scope.leftOut(scope.relative(dir))
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            String relative = scope.relative(file);
            if (!scope.leftOut(relative)) {
              removeUnlessArchived(file, kindOf(attrs), entries.get(relative));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
            if (exc != null) {
              throw exc;
            }
            if (!dir.equals(scope.state())) {
              EntryAttributes archived = entries.get(scope.relative(dir));
              if (archived == null || archived.kind() != Kind.DIRECTORY) {
                deleteIfEmpty(dir);
              }
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void removeUnlessArchived(Path file, Kind kind, EntryAttributes archived)
      throws IOException {
    pacer.tick();
    if (kind == null && archived == null) {
      return; // A socket or pipe the snapshot never held: not ours to remove.
    }
    if (archived == null || archived.kind() != kind) {
      Files.delete(file);
    }
  }

  // A directory that still holds left-out paths (an excluded *.tmp, a socket) stays.
  private static void deleteIfEmpty(Path dir) throws IOException {
    try (var children = Files.list(dir)) {
      if (children.findAny().isEmpty()) {
        Files.delete(dir);
      }
    }
  }

  /** Writes one entry; returns whether it was a directory, to be finished at the end. */
  private boolean writeEntry(ZipFile archive, ZipEntry entry) throws IOException {
    String relative = relativeName(entry);
    if (scope.leftOut(relative)) {
      return false;
    }
    Path target = pathOf(entry);
    EntryAttributes attributes = EntryAttributes.of(entry);
    switch (attributes.kind()) {
      case DIRECTORY -> Files.createDirectories(target);
      case SYMLINK -> writeSymlink(archive, entry, target);
      default -> {
        Files.createDirectories(target.getParent());
        try (InputStream in = archive.getInputStream(entry)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        finish(target, entry);
      }
    }
    return attributes.kind() == Kind.DIRECTORY;
  }

  private static void writeSymlink(ZipFile archive, ZipEntry entry, Path target)
      throws IOException {
    String link;
    try (InputStream in = archive.getInputStream(entry)) {
      link = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.createDirectories(target.getParent());
    Files.deleteIfExists(target);
    Files.createSymbolicLink(target, Path.of(link));
  }

  private static void finish(Path target, ZipEntry entry) throws IOException {
    EntryAttributes attributes = EntryAttributes.of(entry);
    if (attributes.mode() >= 0) {
      Files.setPosixFilePermissions(target, attributes.permissions());
    }
    if (entry.getLastModifiedTime() != null) {
      Files.setLastModifiedTime(target, entry.getLastModifiedTime());
    }
  }

  private Path pathOf(ZipEntry entry) throws ZipException {
    return scope.state().resolve(relativeName(entry));
  }

  // An entry that would land outside the state directory ("../x", "/etc/x") is refused.
  private String relativeName(ZipEntry entry) throws ZipException {
    String name = entry.getName();
    String relative = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    Path resolved = scope.state().resolve(relative).normalize();
    if (relative.isEmpty()
        || !resolved.startsWith(scope.state())
        || resolved.equals(scope.state())) {
      throw new ZipException("entry " + name + " points outside the state directory");
    }
    return relative;
  }

  private static Kind kindOf(BasicFileAttributes attrs) {
    if (attrs.isSymbolicLink()) {
      return Kind.SYMLINK;
    }
    if (attrs.isRegularFile()) {
      return Kind.FILE;
    }
    return attrs.isDirectory() ? Kind.DIRECTORY : null;
  }
}
