package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.Await;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.config.UpdateSchedule;
import dev.steward.worker.schedule.UpdateSchedules;
import dev.steward.workflows.fleet.FleetRolloutRequest;
import dev.steward.workflows.update.UpdateRequest;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
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
import java.util.ArrayList;
import java.util.List;
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

  /** This host's schedule of demo: the host is in the id, as the hosts of a fleet share one. */
  private static final String ID = "update/demo/test-host";

  @TempDir Path tmp;
  private Path config;
  private String base;
  private TemporalConnection connection;
  private String triggered;
  private final List<String> monitors = new ArrayList<>();

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
      for (String id : List.of("update/demo", "update/demo/vps-2")) {
        try {
          connection.schedules().getHandle(id).delete();
        } catch (RuntimeException none) {
          // Only some tests make these.
        }
      }
      for (String monitor : monitors) {
        connection.client().newUntypedWorkflowStub(monitor).terminate("test over");
      }
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
        created.out().startsWith("created update/demo/test-host: daily at 03:00 UTC, no jitter"),
        created.toString());
    assertEquals("unchanged update/demo/test-host\n", again.out(), again.toString());
    assertEquals(createdAt, createdAgainAt, "the second apply left the server's schedule alone");
    assertTrue(
        replaced
            .out()
            .startsWith("replaced update/demo/test-host: cron \"30 4 * * 1-5\" Europe/London"),
        replaced.toString());
    assertTrue(
        described.out().contains("  when: calendar \"0 30 4 * * 1-5\""), described.toString());
    assertTrue(described.out().contains(" Europe/London, no jitter\n"), described.toString());
    assertTrue(
        described.out().contains("  policy: overlap skip, catch-up 1d\n"), described.toString());
    assertEquals(
        "deleted update/demo/test-host (no longer in the config)\n",
        deleted.out(),
        deleted.toString());
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
            .startsWith(
                "update/demo/test-host  PAUSED  daily at " + at + " UTC, no jitter  next: "),
        listedPaused.toString());
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertFalse(afterResume.getSchedule().getState().isPaused(), "the server has it active");
    assertTrue(
        trigger.out().startsWith("asked the server to start the update of demo now"),
        trigger.toString());
    assertTrue(triggered.startsWith("update/demo/test-host-"), triggered);
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

  @Test
  void two_hosts_with_the_same_target_each_get_their_own_schedule_and_monitor() throws Exception {
    Files.writeString(config, base + schedule("{at: \"03:00\"}") + "      monitor: true\n");
    Path other = tmp.resolve("vps-2.yaml");
    Files.writeString(other, config().replace("host: test-host", "host: vps-2"));

    CliRun first = steward("schedule", "apply");
    monitors.add("monitor/demo/test-host");
    CliRun second = CliRun.withConfig(other, "schedule", "apply");
    monitors.add("monitor/demo/vps-2");
    CliRun listedHere = steward("schedule", "list");

    String when = ": daily at 03:00 UTC, no jitter, catch-up 1d, overlap skip\n";
    assertEquals(
        "created update/demo/test-host" + when + "started monitor/demo/test-host\n",
        first.out(),
        first.toString());
    assertEquals(
        "created update/demo/vps-2" + when + "started monitor/demo/vps-2\n",
        second.out(),
        second.toString());
    assertEquals(new UpdateRequest("demo", "test-host"), requestOf(serverSchedule()));
    assertEquals(
        new UpdateRequest("demo", "vps-2"),
        requestOf(connection.schedules().getHandle("update/demo/vps-2").describe()));
    for (String monitor : monitors) {
      assertEquals(
          WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
          connection.client().newUntypedWorkflowStub(monitor).describe().getStatus(),
          monitor);
    }
    assertFalse(listedHere.out().contains("vps-2"), listedHere.toString());
  }

  @Test
  void steward_monitor_says_the_id_with_the_host_that_schedule_apply_keeps() throws Exception {
    Files.writeString(config, base + schedule("{at: \"03:00\"}") + "      monitor: true\n");

    CliRun started = steward("monitor", "demo");
    monitors.add("monitor/demo/test-host");
    CliRun again = steward("monitor", "demo");
    CliRun applied = steward("schedule", "apply");

    assertEquals(
        "monitoring demo as workflow monitor/demo/test-host\n", started.out(), started.err());
    assertEquals(
        "demo: its monitor already runs as monitor/demo/test-host\n", again.out(), again.err());
    assertTrue(
        applied.out().endsWith("unchanged monitor/demo/test-host (running)\n"), applied.toString());
  }

  @Test
  void apply_replaces_this_hosts_schedule_under_its_old_id() throws Exception {
    Files.writeString(config, base + schedule("{at: \"03:00\"}"));
    oldIdSchedule("test-host");

    CliRun renamed = steward("schedule", "apply");

    assertEquals(
        "created update/demo/test-host: daily at 03:00 UTC, no jitter, catch-up 1d, overlap skip\n"
            + "deleted update/demo (renamed to update/demo/test-host)\n",
        renamed.out(),
        renamed.toString());
    assertFalse(exists("update/demo"), "this host's old schedule is deleted");
    assertTrue(exists(ID));
  }

  @Test
  void apply_leaves_another_hosts_schedule_under_the_old_id() throws Exception {
    Files.writeString(config, base + schedule("{at: \"03:00\"}"));
    oldIdSchedule("vps-1");

    CliRun applied = steward("schedule", "apply");

    assertEquals(
        "created update/demo/test-host: daily at 03:00 UTC, no jitter, catch-up 1d, overlap skip\n",
        applied.out(),
        applied.toString());
    assertTrue(exists("update/demo"), "vps-1's old schedule is kept");
  }

  /** The schedule an older Steward made of demo on {@code host}: the id without the host. */
  private void oldIdSchedule(String host) throws Exception {
    UpdateSchedule nightly =
        ConfigLoader.forThisMachine().load(config).nightlyUpdateSchedules().get("demo");
    connection
        .schedules()
        .createSchedule(
            "update/demo",
            UpdateSchedules.build("demo", host, nightly),
            UpdateSchedules.options(host, nightly));
    // apply finds the schedules it may change in the server's list, which lags a create.
    Await.until(
        "update/demo in the server's list",
        Duration.ofSeconds(30),
        () ->
            connection
                .schedules()
                .listSchedules()
                .anyMatch(s -> s.getScheduleId().equals("update/demo")));
  }

  private boolean exists(String id) {
    try {
      connection.schedules().getHandle(id).describe();
      return true;
    } catch (RuntimeException notFound) {
      return false;
    }
  }

  private String config() throws Exception {
    return Files.readString(config);
  }

  private static UpdateRequest requestOf(ScheduleDescription schedule) {
    return ((ScheduleActionStartWorkflow) schedule.getSchedule().getAction())
        .getArguments()
        .get(0, UpdateRequest.class, UpdateRequest.class);
  }

  private ScheduleDescription serverSchedule() {
    return connection.schedules().getHandle(ID).describe();
  }

  private CliRun steward(String... args) {
    return CliRun.withConfig(config, args);
  }

  private static String schedule(String update) {
    return "    schedule:\n      update: " + update + "\n";
  }
}
