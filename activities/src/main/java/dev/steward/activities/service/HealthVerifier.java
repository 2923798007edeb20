package dev.steward.activities.service;

import dev.steward.activities.process.Commands;
import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.TargetPlan.HealthPlan;
import dev.steward.workflows.pipeline.HealthProgress;
import io.temporal.activity.Activity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Polls a service until it has been healthy without a break for the required time, or the timeout
 * runs out. Healthy means: running and passing every configured probe. Two things end the wait at
 * once as unhealthy: a service that is down for good (nothing will bring it back), and a service
 * that is a different incarnation than the first one seen (a new pid: it was restarted behind
 * Steward's back, say by systemd's {@code Restart=always} after it exited, so it did not stabilise,
 * however well the new one answers).
 */
final class HealthVerifier {
  /** Progress goes to the run at most this often (each report is a few events of history). */
  static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

  private final ServiceManager manager;
  private final HealthProbes probes;
  private final Duration pollInterval;
  private final HealthProgressSink progress;

  HealthVerifier(
      ServiceManager manager,
      HealthProbes probes,
      Duration pollInterval,
      HealthProgressSink progress) {
    this.manager = manager;
    this.probes = probes;
    this.pollInterval = pollInterval;
    this.progress = progress;
  }

  /**
   * Waits for the service to be healthy as {@code plan} requires; probes run in {@code checkout}.
   */
  HealthReport verify(HealthPlan plan, Path checkout) {
    long begin = System.nanoTime();
    Streak streak = new Streak();
    Incarnation first = new Incarnation();
    String lastFailure = null;
    ProgressThrottle reports = new ProgressThrottle(progress, PROGRESS_EVERY, begin);
    while (true) {
      Commands.heartbeatIfInActivity();
      ServiceStatus status = manager.status();
      Optional<String> restarted = status.running() ? first.changedTo(status.identity()) : none();
      if (restarted.isPresent()) {
        return new HealthReport(false, millis(System.nanoTime() - begin), restarted.get());
      }
      Optional<String> failure = failure(status, plan, checkout);
      long now = System.nanoTime();
      if (failure.isEmpty()) {
        streak.extend(now);
        if (streak.heldMillis(now) >= plan.stableForMillis()) {
          return healthy(begin, now, streak, status);
        }
      } else {
        streak.reset();
        lastFailure = failure.get();
      }
      long waited = millis(now - begin);
      reports.offer(
          new HealthProgress(
              streak.heldMillis(now), plan.stableForMillis(), waited, plan.timeoutMillis()),
          now);
      if (waited >= plan.timeoutMillis() || (!status.running() && status.gone())) {
        return new HealthReport(false, waited, unhealthyMessage(plan, streak, now, lastFailure));
      }
      long held = streak.active() ? streak.heldMillis(now) : -1;
      pause(nextPauseMillis(pollInterval.toMillis(), plan, held, waited));
    }
  }

  /**
   * How long to wait before the next sample: the poll interval, but never past the moment the
   * stable window would be complete (so a healthy service is reported at {@code stableFor}, not up
   * to a poll interval later), nor past the timeout.
   */
  static long nextPauseMillis(
      long pollMillis, HealthPlan plan, long heldMillis, long waitedMillis) {
    long pause = Math.min(pollMillis, plan.timeoutMillis() - waitedMillis);
    if (heldMillis >= 0) {
      pause = Math.min(pause, plan.stableForMillis() - heldMillis);
    }
    return Math.max(1, pause);
  }

  private Optional<String> failure(ServiceStatus status, HealthPlan plan, Path checkout) {
    if (!status.running()) {
      return Optional.of("service is not running (" + status.detail() + ")");
    }
    return probes.check(plan, checkout);
  }

  private static HealthReport healthy(long begin, long now, Streak streak, ServiceStatus status) {
    String message =
        "healthy for " + seconds(streak.heldMillis(now)) + " (" + status.detail() + ")";
    return new HealthReport(true, millis(now - begin), message);
  }

  private static String unhealthyMessage(
      HealthPlan plan, Streak streak, long now, String lastFailure) {
    if (!streak.active()) {
      return Objects.requireNonNullElse(lastFailure, "never healthy");
    }
    String held =
        "healthy for only "
            + seconds(streak.heldMillis(now))
            + " of the required "
            + seconds(plan.stableForMillis())
            + " when the "
            + seconds(plan.timeoutMillis())
            + " timeout ran out";
    return lastFailure == null ? held : held + "; before that: " + lastFailure;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static Optional<String> none() {
    return Optional.empty();
  }

  /** The first incarnation of the service seen running during the check. */
  private static final class Incarnation {
    private String identity;

    /** Says how the service was restarted when {@code seen} is not the first incarnation. */
    Optional<String> changedTo(String seen) {
      if (identity == null) {
        identity = seen;
        return Optional.empty();
      }
      if (Objects.equals(identity, seen)) {
        return Optional.empty();
      }
      return Optional.of(
          "service was restarted behind Steward's back during the check ("
              + identity
              + ", then "
              + seen
              + "): it did not stabilise");
    }
  }

  /** An unbroken run of healthy samples. */
  private static final class Streak {
    private boolean active;
    private long since;

    void extend(long now) {
      if (!active) {
        active = true;
        since = now;
      }
    }

    void reset() {
      active = false;
    }

    boolean active() {
      return active;
    }

    long heldMillis(long now) {
      return active ? millis(now - since) : 0;
    }
  }
}
