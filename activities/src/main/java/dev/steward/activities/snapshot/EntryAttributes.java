package dev.steward.activities.snapshot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.ZipEntry;

/**
 * What kind of file a zip entry holds and its POSIX permissions, kept in a private extra field of
 * the entry (header id {@code 0x5354}, "ST"). {@code java.util.zip} has no place for a file's mode
 * or for symlinks, and other zip tools skip extra fields they do not know.
 *
 * @param kind file, directory or symlink (whose content is the link's target)
 * @param mode permission bits ({@code 0755}), or -1 when unknown
 */
record EntryAttributes(Kind kind, int mode) {
  private static final short HEADER_ID = 0x5354;
  private static final int DATA_SIZE = 5;

  /**
   * The kinds of file a snapshot holds. Sockets, pipes and devices are neither kept nor touched.
   */
  enum Kind {
    FILE,
    DIRECTORY,
    SYMLINK
  }

  /** The extra-field bytes to store on an entry. */
  byte[] toExtra() {
    return ByteBuffer.allocate(4 + DATA_SIZE)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putShort(HEADER_ID)
        .putShort((short) DATA_SIZE)
        .put((byte) kind.ordinal())
        .putInt(mode)
        .array();
  }

  /** Reads an entry's attributes; an entry without our field is a file or, by its name, a dir. */
  static EntryAttributes of(ZipEntry entry) {
    byte[] extra = entry.getExtra();
    if (extra != null) {
      ByteBuffer buffer = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
      while (buffer.remaining() >= 4) {
        short id = buffer.getShort();
        int size = Short.toUnsignedInt(buffer.getShort());
        int next = Math.min(buffer.limit(), buffer.position() + size);
        if (id == HEADER_ID && size == DATA_SIZE && next - buffer.position() == DATA_SIZE) {
          int kind = buffer.get();
          int mode = buffer.getInt();
          if (kind >= 0 && kind < Kind.values().length) {
            return new EntryAttributes(Kind.values()[kind], mode);
          }
        }
        buffer.position(next);
      }
    }
    return new EntryAttributes(entry.isDirectory() ? Kind.DIRECTORY : Kind.FILE, -1);
  }

  /** The permission bits of a set of permissions. */
  static int modeOf(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 1 << (8 - permission.ordinal());
    }
    return mode;
  }

  /** The permissions of this entry's mode. */
  Set<PosixFilePermission> permissions() {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission permission : PosixFilePermission.values()) {
      if ((mode & (1 << (8 - permission.ordinal()))) != 0) {
        permissions.add(permission);
      }
    }
    return permissions;
  }
}
