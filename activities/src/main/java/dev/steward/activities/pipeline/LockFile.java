package dev.steward.activities.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A target's lock file, {@code <state>/.steward/lock.json}, and the guard that makes reading,
 * deciding and writing it one step. The guard is an OS lock on {@code .steward/lock.guard}, so two
 * workers on one host cannot both take the target; inside one JVM an in-memory lock comes first,
 * because the OS lock is held per process, not per thread. Public for the worker, which reads a
 * target's holder when it looks for attempts a dead worker left running.
 */
public final class LockFile {
  private static final Logger log = LoggerFactory.getLogger(LockFile.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  private final Path dir;
  private final Path file;

  /** The lock file of the target whose state directory is {@code state}. */
  public LockFile(Path state) {
    this.dir = state.resolve(".steward");
    this.file = dir.resolve("lock.json");
  }

  Path path() {
    return file;
  }

  interface Step<T> {
    T run() throws IOException;
  }

  /** Runs {@code step} while no other thread or process can change the lock file. */
  <T> T guarded(Step<T> step) throws IOException {
    Files.createDirectories(dir); // Idempotent: two racing first pipelines both get here.
    Path guard = dir.resolve("lock.guard").toAbsolutePath().normalize();
    ReentrantLock local = IN_JVM.computeIfAbsent(guard, g -> new ReentrantLock());
    local.lock();
    try (FileChannel channel =
        FileChannel.open(guard, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.lock(); // Released when the channel closes.
      return step.run();
    } finally {
      local.unlock();
    }
  }

  /** The current holder; empty when the file is absent, or unreadable (then it is taken over). */
  public Optional<LockRecord> read() throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(Files.readAllBytes(file), LockRecord.class));
    } catch (JsonProcessingException e) {
      // Writes are atomic renames, so a torn file was edited by hand; nobody can be relying on it.
      log.warn("ignoring unreadable lock file {}: {}", file, e.getOriginalMessage());
      return Optional.empty();
    }
  }

  /** Replaces the file in one rename, so a reader never sees half of it. */
  void write(LockRecord record) throws IOException {
    Path tmp = dir.resolve("lock.json.tmp");
    Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(record));
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  void delete() throws IOException {
    Files.deleteIfExists(file);
  }
}
