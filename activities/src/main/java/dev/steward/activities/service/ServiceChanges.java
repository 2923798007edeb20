package dev.steward.activities.service;

import io.temporal.activity.Activity;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one change (stop, restart) of a target's service run at a time. A retry can overlap the
 * attempt it replaces: Temporal retries an activity whose heartbeat came late while the first
 * attempt may still run. Two overlapping restarts would each stop the recorded process and start
 * one, leaving an orphan that holds the port and a record of a copy that failed to start. In turn,
 * the retry stops whatever the first attempt started, and starts exactly one.
 */
final class ServiceChanges {
  private static final Map<Path, ReentrantLock> IN_THIS_PROCESS = new ConcurrentHashMap<>();

  private ServiceChanges() {}

  /** Runs {@code change} holding the lock of the service whose files live in {@code state}. */
  static void serialized(Path state, Runnable change) {
    Path file = state.resolve(".steward").resolve("service.lock");
    ReentrantLock local =
        IN_THIS_PROCESS.computeIfAbsent(file.toAbsolutePath(), k -> new ReentrantLock());
    local.lock();
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        channel.lock(); // Released when the channel closes.
        change.run();
      }
    } catch (IOException e) {
      throw Activity.wrap(e);
    } finally {
      local.unlock();
    }
  }
}
