package dev.steward.activities.service;

import static dev.steward.activities.service.TestServices.alive;
import static dev.steward.activities.service.TestServices.recordedPid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.activities.process.ProcFs;
import dev.steward.workflows.host.FailureTypes;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.HealthPlan;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessServiceManagerTest {
  private static final HealthPlan RUNNING = new HealthPlan(null, List.of(), 0, 2000);

  @TempDir Path root;
  private final ServiceActivitiesImpl services = new ServiceActivitiesImpl(Duration.ofMillis(500));
  private final List<TargetPlan> started = new ArrayList<>();
  private final List<Long> pids = new ArrayList<>();

  @AfterEach
  void stopEverything() {
    started.forEach(services::stopService);
    pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  private TargetPlan start(String... argv) throws Exception {
    TargetPlan plan = TestServices.plan(root, List.of(argv), RUNNING);
    started.add(plan);
    services.restartService(plan);
    pids.add(recordedPid(plan));
    return plan;
  }

  @Test
  void starts_the_service_in_its_own_session_as_the_recorded_process() throws Exception {
    Path server = TestServices.writeServer(root);
    TargetPlan plan =
        start("python3", server.toString(), Integer.toString(TestServices.freePort()), "ok");

    long pid = recordedPid(plan);
    assertTrue(services.verifyHealth(plan).healthy());
    assertEquals(pid, ProcFs.stat(pid).orElseThrow().session());
    String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
    assertTrue(commandLine.contains("server.py"), commandLine);
  }

  @Test
  void restart_replaces_the_process_with_a_new_one() throws Exception {
    TargetPlan plan = start("sleep", "600");
    long first = recordedPid(plan);

    services.restartService(plan);

    long second = recordedPid(plan);
    pids.add(second);
    assertNotEquals(first, second);
    assertFalse(alive(first));
    assertTrue(alive(second));
  }

  @Test
  void stop_ends_the_service_and_every_process_it_started() throws Exception {
    TargetPlan plan = start("sh", "-c", "sleep 600 & sleep 600 & echo children started; wait");
    TestServices.awaitLog(plan, "children started");
    long pid = recordedPid(plan);
    List<Long> children =
        ProcessHandle.of(pid).orElseThrow().descendants().map(ProcessHandle::pid).toList();
    pids.addAll(children);
    assertEquals(2, children.size());

    services.stopService(plan);

    assertFalse(alive(pid));
    children.forEach(child -> assertFalse(alive(child), "child " + child + " still runs"));
    assertTrue(services.verifyHealth(plan).message().contains("exited"));
  }

  @Test
  void a_service_that_ignores_sigterm_is_killed_after_the_grace_period() throws Exception {
    TargetPlan plan = start("sh", "-c", "trap '' TERM; echo ignoring TERM; exec sleep 600");
    TestServices.awaitLog(plan, "ignoring TERM");
    long pid = recordedPid(plan);

    services.stopService(plan);

    assertFalse(alive(pid));
  }

  @Test
  void stopping_a_service_that_is_not_running_does_nothing() throws Exception {
    TargetPlan plan = TestServices.plan(root, List.of("sleep", "600"), RUNNING);

    services.stopService(plan);

    assertFalse(Files.exists(Path.of(plan.state(), ".steward", "service.json")));
  }

  @Test
  void a_recorded_pid_now_used_by_another_process_is_neither_the_service_nor_stopped()
      throws Exception {
    TargetPlan plan = TestServices.plan(root, List.of("sleep", "600"), RUNNING);
    long self = ProcessHandle.current().pid();
    Files.createDirectories(Path.of(plan.state(), ".steward"));
    new ServiceRecord(self, 12345, 67L, List.of("old", "service"))
        .write(Path.of(plan.state(), ".steward", "service.json"));

    services.stopService(plan);

    assertTrue(alive(self));
    assertEquals(
        "service is not running (pid " + self + " exited)", services.verifyHealth(plan).message());
  }

  @Test
  void a_record_from_before_start_ticks_still_tells_a_reused_pid_by_its_start_time()
      throws Exception {
    TargetPlan plan = TestServices.plan(root, List.of("sleep", "600"), RUNNING);
    long self = ProcessHandle.current().pid();
    Files.createDirectories(Path.of(plan.state(), ".steward"));
    new ServiceRecord(self, 12345, null, List.of("old", "service"))
        .write(Path.of(plan.state(), ".steward", "service.json"));

    services.stopService(plan);

    assertTrue(alive(self));
  }

  @Test
  void a_service_recorded_before_the_wall_clock_was_stepped_is_still_found_and_stopped()
      throws Exception {
    TargetPlan plan = start("sleep", "600");
    long pid = recordedPid(plan);
    Path file = Path.of(plan.state(), ".steward", "service.json");
    ServiceRecord recorded = ServiceRecord.read(file).orElseThrow();
    // What a JVM started after a clock step of a minute computes as the same process's start.
    new ServiceRecord(pid, recorded.startedAt() - 60_000, recorded.startTicks(), recorded.argv())
        .write(file);

    services.stopService(plan);

    assertFalse(alive(pid), "the service outlived its stop");
  }

  @Test
  void starting_a_program_that_does_not_exist_fails_the_service() throws Exception {
    TargetPlan plan =
        TestServices.plan(root, List.of("no-such-program-anywhere", "--port", "1"), RUNNING);

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> services.restartService(plan));

    assertEquals(FailureTypes.SERVICE_FAILED, failure.getType());
    assertTrue(
        failure
            .getOriginalMessage()
            .contains("`no-such-program-anywhere` is not an executable file on PATH"),
        failure.getOriginalMessage());
  }

  @Test
  void a_service_that_exits_at_once_fails_the_start_with_its_last_words() throws Exception {
    TargetPlan plan =
        TestServices.plan(
            root, List.of("sh", "-c", "echo 'config.yaml: bad indent' >&2; exit 3"), RUNNING);
    started.add(plan);

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> services.restartService(plan));

    assertEquals(FailureTypes.SERVICE_FAILED, failure.getType());
    assertTrue(
        failure
            .getOriginalMessage()
            .endsWith("exited at once with status 3: config.yaml: bad indent"),
        failure.getOriginalMessage());
  }

  @Test
  void evidence_is_the_tail_of_the_service_output() throws Exception {
    TargetPlan plan =
        start("sh", "-c", "for i in $(seq 1 80); do echo line $i; done; echo done; exec sleep 600");
    TestServices.awaitLog(plan, "done");

    String evidence = services.collectEvidence(plan);

    List<String> lines = evidence.lines().toList();
    assertEquals(50, lines.size());
    assertEquals("line 32", lines.get(0));
    assertEquals("done", lines.get(49));
  }
}
