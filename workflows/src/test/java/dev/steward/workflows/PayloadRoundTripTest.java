package dev.steward.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.steward.workflows.fleet.BudgetAction;
import dev.steward.workflows.fleet.FleetApproval;
import dev.steward.workflows.fleet.FleetOutcome;
import dev.steward.workflows.fleet.FleetPlan;
import dev.steward.workflows.fleet.FleetRolloutProgress;
import dev.steward.workflows.fleet.FleetRolloutResult;
import dev.steward.workflows.fleet.HostRollout;
import dev.steward.workflows.fleet.HostState;
import dev.steward.workflows.host.ControlPlan;
import dev.steward.workflows.host.GoodRelease;
import dev.steward.workflows.host.Hold;
import dev.steward.workflows.host.Measurement;
import dev.steward.workflows.host.Metric;
import dev.steward.workflows.host.MonitorPlan;
import dev.steward.workflows.host.Notice;
import dev.steward.workflows.host.NotifyPlan;
import dev.steward.workflows.host.ProviderStatus;
import dev.steward.workflows.host.RecoveryPlan;
import dev.steward.workflows.host.SnapshotListing;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.UpdateCheck;
import dev.steward.workflows.monitor.MonitorRequest;
import dev.steward.workflows.monitor.MonitorState;
import dev.steward.workflows.notify.NotifyRequest;
import dev.steward.workflows.notify.NotifyResult;
import dev.steward.workflows.pipeline.HealthProgress;
import dev.steward.workflows.pipeline.StepResult;
import dev.steward.workflows.pipeline.StepStatus;
import dev.steward.workflows.recovery.RecoveryOutcome;
import dev.steward.workflows.recovery.RecoveryRequest;
import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.recovery.RestoreRequest;
import dev.steward.workflows.update.ApprovalDecision;
import dev.steward.workflows.update.UpdateOutcome;
import dev.steward.workflows.update.UpdateRequest;
import dev.steward.workflows.update.UpdateResult;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every workflow payload survives Temporal's converter. */
class PayloadRoundTripTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

  static Stream<Object> payloads() {
    Notice notice =
        new Notice(
            "demo", Notice.CRITICAL, "t", "m", "e", "recover/demo/x", "2026-11-29T03:00:00Z");
    NotifyPlan channels =
        new NotifyPlan(true, List.of(new NotifyPlan.Channel("ntfy", "env:URL", "env:T", null)));
    Measurement measurement =
        new Measurement("2026-11-29T03:00:00Z", List.of(new Metric("up", "up", "", Metric.OK)));
    return Stream.of(
        new UpdateRequest("demo", "h", false),
        new HealthProgress(4_000, 10_000, 6_500, 120_000),
        new ApprovalDecision(false, "ops", "not now"),
        new UpdateResult(
            "demo",
            UpdateOutcome.ROLLED_BACK,
            "a",
            "a",
            "/b/s.zip",
            "update/demo/x",
            List.of(new StepResult("health", StepStatus.FAILED, 10, "exited")),
            "health failed",
            true,
            "log tail",
            "/b/pre-restore.zip"),
        new Hold("reason", "2026-11-29T03:00:00Z", "cli"),
        notice,
        new ProviderStatus("major", "Partial outage"),
        new NotifyRequest("h", channels, notice),
        new NotifyResult(List.of("slack (hooks.slack.com)"), List.of()),
        new RecoveryRequest("demo", "h", null),
        new RecoveryResult(
            "demo",
            RecoveryOutcome.RESTARTED,
            "restart",
            "2026-11-29T03:00:00Z",
            12L,
            "ev",
            List.of(new StepResult("restart", StepStatus.OK, 10, "restarted")),
            "msg",
            "id",
            "/b/pre-restore.zip"),
        new RestoreRequest("demo", "h", "pre-update-2026-11-29-030000-ab12cd34.zip"),
        new GoodRelease("a", "2026-11-29T03:00:00Z", "update/demo/x"),
        new UpdateCheck("a", "b", true, List.of("kwargs-fix")),
        new TargetPlan.UpdatePlan(null, null, List.of("./up"), List.of(), 60, 0, List.of("./c")),
        new SnapshotListing("s.zip", "2026-11-29T03:00:00Z", "pre-restore", "a", 647, false, "bad"),
        measurement,
        new MonitorRequest(
            "demo",
            "h",
            false,
            new MonitorState(measurement, List.of("up"), 2, "t", List.of(1L), "restarted id", 7)),
        new TargetPlan(
            "demo",
            "h",
            "/app",
            "/data",
            null,
            null,
            1,
            null,
            List.of(),
            null,
            new ControlPlan(
                new ControlPlan.WindowPlan(List.of("sat"), "02:00", "05:00", "UTC"),
                new ControlPlan.ApprovalPlan(3_600_000)),
            new RecoveryPlan("env:STATUS", 60_000, List.of("/log")),
            MonitorPlan.DEFAULTS,
            channels),
        new UpdateRequest("demo", "h", null, "2b38f307d7822d903b5f0cd7a3639eb2f078ce43"),
        rolloutProgress(),
        new FleetRolloutResult(
            "gateways",
            FleetOutcome.PARTIAL,
            "2b38f30",
            "rollout/gateways/t",
            rolloutProgress().hosts(),
            "1 of 2 hosts at 2b38f30"));
  }

  /** A rollout's state as it continues as new, through its plan and every host record. */
  private static FleetRolloutProgress rolloutProgress() {
    FleetPlan plan =
        new FleetPlan(
            "gateways",
            "demo",
            List.of(List.of("vps-1"), List.of("vps-2")),
            2,
            Duration.ofMinutes(10),
            1,
            FleetApproval.AFTER_CANARY,
            BudgetAction.REVERT,
            Duration.ofSeconds(90));
    List<HostRollout> hosts =
        List.of(
            new HostRollout(
                "vps-1", HostState.UPDATED, "r/vps-1", "run", "1ea519c", "/b/s.zip", "updated"),
            new HostRollout("vps-2", HostState.WAITING, null, null, null, null, null));
    return new FleetRolloutProgress(plan, "2b38f30", 1, hosts, List.of("vps-1"), List.of(), true);
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void round_trips_unchanged(Object payload) {
    Object back =
        CONVERTER.fromPayload(
            CONVERTER.toPayload(payload).orElseThrow(), payload.getClass(), payload.getClass());
    assertEquals(payload, back);
  }

  @Test
  void an_update_plan_recorded_before_its_check_existed_equals_the_same_plan_today() {
    Map<String, Object> recorded =
        Map.of("gitRemote", "origin", "gitRef", "main", "command", List.of(), "then", List.of());
    Object back =
        CONVERTER.fromPayload(
            CONVERTER.toPayload(recorded).orElseThrow(),
            TargetPlan.UpdatePlan.class,
            TargetPlan.UpdatePlan.class);
    // The host boundary compares the plan a run carries with its own: an open run must still pass.
    assertEquals(new TargetPlan.UpdatePlan("origin", "main", List.of(), List.of(), 0), back);
  }
}
