package dev.steward.activities.snapshot;

import dev.steward.activities.snapshot.EntryAttributes.Kind;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The built-in snapshot: a zip of the state directory's files, directories (so empty ones come
 * back) and symlinks (kept as links, never followed), each with its modification time and
 * permissions. Sockets, pipes and devices are skipped. Paths outside the {@link StateScope} are
 * never written.
 */
final class StateArchive {
  private StateArchive() {}

  /** Writes the zip of the scope's state directory to {@code zip}. */
  static void write(StateScope scope, Path zip) throws IOException {
    try (OutputStream file = Files.newOutputStream(zip);
        ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(file))) {
      Files.walkFileTree(scope.state(), new Writer(scope, out));
    }
  }

  /**
   * Checks that {@code zip} opens and that every entry reads in full with a matching CRC.
   *
   * @throws IOException saying what is wrong, in one line
   */
  static void verify(Path zip) throws IOException {
    int listed;
    try (ZipFile zipFile = new ZipFile(zip.toFile())) {
      listed = zipFile.size();
    }
    int read = 0;
    HeartbeatPacer pacer = new HeartbeatPacer();
    try (InputStream file = Files.newInputStream(zip);
        ZipInputStream in = new ZipInputStream(file)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        in.transferTo(OutputStream.nullOutputStream());
        read++;
        pacer.tick();
      }
    }
    if (read != listed) {
      throw new ZipException("it lists " + listed + " entries but " + read + " could be read");
    }
  }

  private static final class Writer extends SimpleFileVisitor<Path> {
    private final StateScope scope;
    private final ZipOutputStream out;
    private final HeartbeatPacer pacer = new HeartbeatPacer();

    Writer(StateScope scope, ZipOutputStream out) {
      this.scope = scope;
      this.out = out;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
        throws IOException {
      if (dir.equals(scope.state())) {
        return FileVisitResult.CONTINUE;
      }
      String relative = scope.relative(dir);
      if (scope.leftOut(relative)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      out.putNextEntry(entry(relative + "/", Kind.DIRECTORY, dir, attrs));
      out.closeEntry();
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
      String relative = scope.relative(file);
      if (scope.leftOut(relative)) {
        return FileVisitResult.CONTINUE;
      }
      pacer.tick();
      if (attrs.isSymbolicLink()) {
        byte[] target = Files.readSymbolicLink(file).toString().getBytes(StandardCharsets.UTF_8);
        out.putNextEntry(entry(relative, Kind.SYMLINK, file, attrs));
        out.write(target);
        out.closeEntry();
      } else if (attrs.isRegularFile()) {
        writeFile(file, relative, attrs);
      }
      return FileVisitResult.CONTINUE;
    }

    // A file the running service deletes while we walk is simply not part of the snapshot.
    @Override
    public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
      if (exc instanceof NoSuchFileException) {
        return FileVisitResult.CONTINUE;
      }
      throw exc;
    }

    private void writeFile(Path file, String relative, BasicFileAttributes attrs)
        throws IOException {
      InputStream in;
      try {
        in = Files.newInputStream(file);
      } catch (NoSuchFileException vanished) {
        return;
      }
      try (in) {
        out.putNextEntry(entry(relative, Kind.FILE, file, attrs));
        byte[] buffer = new byte[64 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          out.write(buffer, 0, n);
          pacer.tick();
        }
        out.closeEntry();
      }
    }

    private static ZipEntry entry(String name, Kind kind, Path path, BasicFileAttributes attrs)
        throws IOException {
      ZipEntry entry = new ZipEntry(name);
      entry.setLastModifiedTime(attrs.lastModifiedTime());
      entry.setExtra(new EntryAttributes(kind, modeOf(path, kind)).toExtra());
      return entry;
    }

    private static int modeOf(Path path, Kind kind) throws IOException {
      if (kind == Kind.SYMLINK) {
        return -1;
      }
      return EntryAttributes.modeOf(Files.getPosixFilePermissions(path));
    }
  }
}
