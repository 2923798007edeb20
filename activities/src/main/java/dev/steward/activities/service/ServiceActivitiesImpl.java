package dev.steward.activities.service;

import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.ServiceActivities;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.HealthPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The target's service through its manager: a detached process, or a systemd unit. */
public final class ServiceActivitiesImpl implements ServiceActivities {
  /** How long a process service may take to exit after SIGTERM before it is killed. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

  private static final Duration POLL_INTERVAL = Duration.ofMillis(300);
  private static final int EVIDENCE_LINES = 50;
  private static final HealthPlan RUNNING_ONLY = new HealthPlan(null, List.of(), 10_000, 120_000);

  private final Duration grace;
  private final HealthProgressSink progress;
  private final HealthProbes probes = new HealthProbes();

  public ServiceActivitiesImpl() {
    this(DEFAULT_GRACE);
  }

  /**
   * @param grace how long a process service may take to exit after SIGTERM
   */
  public ServiceActivitiesImpl(Duration grace) {
    this(grace, HealthProgressSink.NONE);
  }

  /**
   * @param progress where health waits report how far they are (the worker signals the run)
   */
  public ServiceActivitiesImpl(HealthProgressSink progress) {
    this(DEFAULT_GRACE, progress);
  }

  /**
   * @param grace how long a process service may take to exit after SIGTERM
   * @param progress where health waits report how far they are
   */
  public ServiceActivitiesImpl(Duration grace, HealthProgressSink progress) {
    this.grace = grace;
    this.progress = progress;
  }

  @Override
  public void restartService(TargetPlan plan) {
    ServiceChanges.serialized(Path.of(plan.state()), () -> manager(plan).restart());
  }

  @Override
  public void stopService(TargetPlan plan) {
    ServiceChanges.serialized(Path.of(plan.state()), () -> manager(plan).stop());
  }

  @Override
  public HealthReport verifyHealth(TargetPlan plan) {
    HealthPlan health = plan.health() == null ? RUNNING_ONLY : plan.health();
    return new HealthVerifier(manager(plan), probes, POLL_INTERVAL, progress)
        .verify(health, Path.of(plan.checkout()));
  }

  @Override
  public String collectEvidence(TargetPlan plan) {
    return manager(plan).evidence(EVIDENCE_LINES);
  }

  private ServiceManager manager(TargetPlan plan) {
    return ServiceManagers.forPlan(plan, grace);
  }
}
