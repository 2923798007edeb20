package dev.steward.workflows.fakes;

import dev.steward.workflows.host.ControlPlan;
import dev.steward.workflows.host.GoodRelease;
import dev.steward.workflows.host.ManagerKind;
import dev.steward.workflows.host.MonitorPlan;
import dev.steward.workflows.host.NotifyPlan;
import dev.steward.workflows.host.RecoveryPlan;
import dev.steward.workflows.host.SnapshotInfo;
import dev.steward.workflows.host.TargetPlan;
import java.util.List;

/** The plans the fakes hand out: one target, a git update, no window, approval or channels. */
public final class TestPlans {
  public static final String TARGET = "demo";
  public static final String HOST = "test-host";

  /** The revision before the run, and the one its update moves to. */
  public static final String OLD = "1111111aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  public static final String NEW = "2222222bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

  public static final SnapshotInfo SNAPSHOT =
      new SnapshotInfo("/var/snapshots/demo-1.tar.gz", "f00d", 4096, OLD, "run/snapshot");

  /** The copy a rollback keeps of the state as it found it. */
  public static final SnapshotInfo PRE_RESTORE =
      new SnapshotInfo("/var/snapshots/pre-restore-1.zip", "beef", 8192, NEW, "run/pre-restore");

  /** A last known good release at {@link #NEW}. */
  public static final GoodRelease GOOD =
      new GoodRelease(NEW, "2026-12-01T03:00:00Z", "update/demo/2026-12-01T03:00:00Z");

  private TestPlans() {}

  public static TargetPlan plan() {
    return new TargetPlan(
        TARGET,
        HOST,
        "/srv/demo",
        "/var/lib/demo",
        new TargetPlan.ServicePlan(
            ManagerKind.PROCESS, List.of("python3", "app.py"), "/srv/demo", null),
        new TargetPlan.SnapshotPlan("/var/snapshots", 3, List.of(), List.of(), List.of()),
        1L << 30,
        new TargetPlan.UpdatePlan("origin", "main", List.of(), List.of(), 300),
        List.of(),
        new TargetPlan.HealthPlan("http://127.0.0.1:8080/health", List.of(), 1_000, 60_000));
  }

  public static TargetPlan withControls(ControlPlan controls) {
    TargetPlan p = plan();
    return with(p, controls, p.recovery(), p.monitor(), p.notifications());
  }

  public static TargetPlan withRecovery(RecoveryPlan recovery) {
    TargetPlan p = plan();
    return with(p, p.controls(), recovery, p.monitor(), p.notifications());
  }

  /** The plan with one webhook channel (its URL a secret reference, as a config would have it). */
  public static TargetPlan withChannel(TargetPlan p) {
    NotifyPlan channels =
        new NotifyPlan(
            false,
            List.of(new NotifyPlan.Channel(NotifyPlan.Channel.WEBHOOK, "env:HOOK", null, null)));
    return with(p, p.controls(), p.recovery(), p.monitor(), channels);
  }

  /** The plan with another update: a command, say, with or without its check. */
  public static TargetPlan withUpdate(TargetPlan.UpdatePlan update) {
    TargetPlan p = plan();
    return new TargetPlan(
        p.target(),
        p.host(),
        p.checkout(),
        p.state(),
        p.service(),
        p.snapshot(),
        p.minFreeBytes(),
        update,
        p.patches(),
        p.health(),
        p.controls(),
        p.recovery(),
        p.monitor(),
        p.notifications());
  }

  public static TargetPlan withMonitor(MonitorPlan monitor) {
    TargetPlan p = plan();
    return with(p, p.controls(), p.recovery(), monitor, p.notifications());
  }

  private static TargetPlan with(
      TargetPlan p,
      ControlPlan controls,
      RecoveryPlan recovery,
      MonitorPlan monitor,
      NotifyPlan notifications) {
    return new TargetPlan(
        p.target(),
        p.host(),
        p.checkout(),
        p.state(),
        p.service(),
        p.snapshot(),
        p.minFreeBytes(),
        p.update(),
        p.patches(),
        p.health(),
        controls,
        recovery,
        monitor,
        notifications);
  }
}
