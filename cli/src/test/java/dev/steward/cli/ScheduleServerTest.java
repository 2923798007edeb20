package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.Await;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.fleet.FleetRolloutRequest;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleDescription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward schedule} against a real Temporal server, the only kind with a Schedules API: each
 * command checked against what the server then reports. No worker runs here, so a triggered run
 * only starts; ScheduledUpdateServerTest has runs that do their work.
 */
class ScheduleServerTest {
  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  @TempDir Path tmp;
  private Path config;
  private String base;
  private TemporalConnection connection;
  private String triggered;

  @BeforeEach
  void writeConfigAndConnect() throws Exception {
    TestTarget target = TestTarget.create(tmp.resolve("target"));
    config = tmp.resolve("steward.yaml");
    base = temporal.configSection() + Files.readString(target.config());
    Files.writeString(config, base);
    connection = TemporalConnection.connect(ConfigLoader.forThisMachine().load(config).temporal());
  }

  /** Leaves the server as it was, also when the test failed half way. */
  @AfterEach
  void deleteTheScheduleAndItsRun() {
    try {
      steward("schedule", "delete", "demo");
      if (triggered != null) {
        connection.client().newUntypedWorkflowStub(triggered).terminate("test over");
      }
    } finally {
      connection.close();
    }
  }

  @Test
  void apply_creates_then_leaves_unchanged_then_replaces_then_deletes() throws Exception {
    Files.writeString(config, base + schedule("{at: \"03:00\"}"));

    CliRun created = steward("schedule", "apply");
    Instant createdAt = serverSchedule().getInfo().getCreatedAt();
    CliRun again = steward("schedule", "apply");
    Instant createdAgainAt = serverSchedule().getInfo().getCreatedAt();
    Files.writeString(config, base + schedule("{cron: \"30 4 * * 1-5\", timezone: Europe/London}"));
    CliRun replaced = steward("schedule", "apply");
    CliRun described = steward("schedule", "describe", "demo");
    Files.writeString(config, base);
    CliRun deleted = steward("schedule", "apply");
    CliRun listed = steward("schedule", "list");

    assertTrue(
        created.out().startsWith("created update/demo: daily at 03:00 UTC, no jitter"),
        created.toString());
    assertEquals("unchanged update/demo\n", again.out(), again.toString());
    assertEquals(createdAt, createdAgainAt, "the second apply left the server's schedule alone");
    assertTrue(
        replaced.out().startsWith("replaced update/demo: cron \"30 4 * * 1-5\" Europe/London"),
        replaced.toString());
    assertTrue(
        described.out().contains("  when: calendar \"0 30 4 * * 1-5\""), described.toString());
    assertTrue(described.out().contains(" Europe/London, no jitter\n"), described.toString());
    assertTrue(
        described.out().contains("  policy: overlap skip, catch-up 1d\n"), described.toString());
    assertEquals(
        "deleted update/demo (no longer in the config)\n", deleted.out(), deleted.toString());
    assertEquals("", listed.out(), listed.toString());
  }

  @Test
  void pause_resume_trigger_and_delete_change_what_the_server_reports() throws Exception {
    // Twelve hours away: the schedule never fires by itself during the test.
    String at =
        LocalTime.now(ZoneOffset.UTC).plusHours(12).format(DateTimeFormatter.ofPattern("HH:mm"));
    Files.writeString(config, base + schedule("{at: \"" + at + "\"}"));
    steward("schedule", "apply");

    CliRun paused = steward("schedule", "pause", "demo", "--reason", "deploy freeze");
    ScheduleDescription whilePaused = serverSchedule();
    CliRun listedPaused = steward("schedule", "list");
    CliRun resumed = steward("schedule", "resume", "demo");
    ScheduleDescription afterResume = serverSchedule();
    CliRun trigger = steward("schedule", "trigger", "demo");
    // The server takes a trigger as a signal to the schedule: it starts the run a moment later.
    Await.until(
        "the triggered run",
        Duration.ofSeconds(60),
        () -> serverSchedule().getInfo().getNumActions() == 1);
    triggered =
        ((ScheduleActionExecutionStartWorkflow)
                serverSchedule().getInfo().getRecentActions().get(0).getAction())
            .getWorkflowId();
    CliRun described = steward("schedule", "describe", "demo");
    CliRun deleted = steward("schedule", "delete", "demo");
    CliRun gone = steward("schedule", "describe", "demo");
    CliRun listed = steward("schedule", "list");

    assertEquals(
        "paused the update schedule of demo: deploy freeze\n", paused.out(), paused.toString());
    assertTrue(whilePaused.getSchedule().getState().isPaused(), "the server has it paused");
    assertEquals("deploy freeze", whilePaused.getSchedule().getState().getNote());
    assertTrue(
        listedPaused
            .out()
            .startsWith("update/demo  PAUSED  daily at " + at + " UTC, no jitter  next: "),
        listedPaused.toString());
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertFalse(afterResume.getSchedule().getState().isPaused(), "the server has it active");
    assertTrue(
        trigger.out().startsWith("asked the server to start the update of demo now"),
        trigger.toString());
    assertTrue(triggered.startsWith("update/demo-"), triggered);
    assertTrue(described.out().contains("  state: active\n"), described.toString());
    assertTrue(described.out().contains("  actions: 1 started, 0 skipped"), described.toString());
    assertTrue(
        described.out().contains("  recent: " + triggered + " scheduled "), described.toString());
    assertEquals(0, deleted.exitCode(), deleted.toString());
    assertEquals(1, gone.exitCode(), gone.toString());
    assertTrue(gone.err().contains("no such schedule on "), gone.toString());
    assertEquals("", listed.out(), listed.toString());
  }

  @Test
  void a_fleet_with_a_rollout_schedule_replaces_this_hosts_own_nightly_update() throws Exception {
    String host = ConfigLoader.forThisMachine().load(config).host();
    String fleet =
        "fleets:\n  gateways:\n    target: demo\n    hosts: ["
            + host
            + ", vps-2]\n    schedule: {rollout: {at: \"04:00\"}}\n";
    Files.writeString(config, base + schedule("{at: \"03:00\"}") + fleet);

    CliRun applied = steward("schedule", "apply");
    ScheduleDescription rollout = connection.schedules().getHandle("rollout/gateways").describe();
    Files.writeString(config, base);
    CliRun cleared = steward("schedule", "apply");

    assertEquals(
        "created rollout/gateways: daily at 04:00 UTC, no jitter, catch-up 1d, overlap skip\n",
        applied.out(),
        applied.toString());
    ScheduleActionStartWorkflow action =
        (ScheduleActionStartWorkflow) rollout.getSchedule().getAction();
    assertEquals("FleetRolloutWorkflow", action.getWorkflowType());
    assertEquals(
        new FleetRolloutRequest("gateways", host, null),
        action.getArguments().get(0, FleetRolloutRequest.class, FleetRolloutRequest.class));
    assertEquals(
        "deleted rollout/gateways (no longer in the config)\n", cleared.out(), cleared.toString());
  }

  private ScheduleDescription serverSchedule() {
    return connection.schedules().getHandle("update/demo").describe();
  }

  private CliRun steward(String... args) {
    return CliRun.withConfig(config, args);
  }

  private static String schedule(String update) {
    return "    schedule:\n      update: " + update + "\n";
  }
}
