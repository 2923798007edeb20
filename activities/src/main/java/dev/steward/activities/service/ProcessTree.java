package dev.steward.activities.service;

import dev.steward.activities.process.Commands;
import dev.steward.activities.process.ProcFs;
import io.temporal.activity.Activity;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A service's processes: the one Steward started, everything it started, and everything else in its
 * session (a daemon that double-forked has left the tree but not the session). Stopping is SIGTERM
 * to all of them, then SIGKILL to whatever outlives the grace period.
 */
final class ProcessTree {
  private static final long POLL_MILLIS = 50;
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final ProcessHandle leader;

  ProcessTree(ProcessHandle leader) {
    this.leader = leader;
  }

  /**
   * Stops every process of the tree.
   *
   * @return whether all of them are gone
   */
  boolean stop(Duration grace) {
    Set<ProcessHandle> members = members();
    members.forEach(ProcessHandle::destroy);
    if (awaitGone(members, grace)) {
      return true;
    }
    members.addAll(members()); // Whatever it started while shutting down goes too.
    members.forEach(ProcessHandle::destroyForcibly);
    return awaitGone(members, KILL_WAIT);
  }

  private Set<ProcessHandle> members() {
    Set<ProcessHandle> members = new LinkedHashSet<>();
    if (ProcFs.alive(leader)) {
      members.add(leader);
    }
    leader.descendants().forEach(members::add);
    boolean sessionLeader =
        ProcFs.stat(leader.pid()).map(s -> s.session() == leader.pid()).orElse(false);
    if (sessionLeader) {
      ProcessHandle.allProcesses()
          .filter(p -> ProcFs.stat(p.pid()).map(s -> s.session() == leader.pid()).orElse(false))
          .forEach(members::add);
    }
    return members;
  }

  private static boolean awaitGone(Set<ProcessHandle> processes, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (processes.stream().anyMatch(ProcFs::alive)) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Commands.heartbeatIfInActivity();
      pause();
    }
    return true;
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  /** The pids of the tree's live processes, for messages. */
  List<Long> livePids() {
    return members().stream().filter(ProcFs::alive).map(ProcessHandle::pid).toList();
  }
}
