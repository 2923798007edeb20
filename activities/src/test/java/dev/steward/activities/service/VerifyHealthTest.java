package dev.steward.activities.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.workflows.host.HealthReport;
import dev.steward.workflows.host.TargetPlan;
import dev.steward.workflows.host.TargetPlan.HealthPlan;
import dev.steward.workflows.pipeline.HealthProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyHealthTest {
  @TempDir Path root;
  private final ServiceActivitiesImpl services = new ServiceActivitiesImpl(Duration.ofMillis(500));
  private final List<TargetPlan> started = new ArrayList<>();
  private Path server;
  private int port;

  @BeforeEach
  void writeServer() throws Exception {
    server = TestServices.writeServer(root);
    port = TestServices.freePort();
  }

  @AfterEach
  void stopEverything() {
    started.forEach(services::stopService);
  }

  private String healthUrl() {
    return "http://127.0.0.1:" + port + "/health";
  }

  private HealthReport startAndVerify(List<String> argv, HealthPlan health) throws Exception {
    TargetPlan plan = TestServices.plan(root, argv, health);
    started.add(plan);
    services.restartService(plan);
    if (argv.contains(server.toString())) {
      // A loaded machine may take seconds to start python; the short timeouts are for health.
      TestServices.awaitLog(plan, "listening on");
    }
    return services.verifyHealth(plan);
  }

  private List<String> serverArgv(String mode) {
    return List.of("python3", server.toString(), Integer.toString(port), mode);
  }

  @Test
  void a_service_that_answers_200_is_healthy_once_it_held_for_stable_for() throws Exception {
    HealthReport report =
        startAndVerify(serverArgv("ok"), new HealthPlan(healthUrl(), List.of(), 1000, 10_000));

    assertTrue(report.healthy(), report.message());
    assertTrue(report.waitedMillis() >= 1000);
    assertTrue(report.message().startsWith("healthy for"), report.message());
  }

  @Test
  void a_service_that_answers_and_then_exits_0_is_unhealthy_because_it_exited() throws Exception {
    HealthReport report =
        startAndVerify(
            serverArgv("exit-after=1"), new HealthPlan(healthUrl(), List.of(), 3000, 10_000));

    assertFalse(report.healthy());
    assertTrue(report.message().startsWith("service is not running (pid "), report.message());
    assertTrue(report.message().endsWith("exited)"), report.message());
  }

  @Test
  void a_service_that_never_answers_is_unhealthy_after_the_timeout() throws Exception {
    HealthReport report =
        startAndVerify(List.of("sleep", "600"), new HealthPlan(healthUrl(), List.of(), 500, 2000));

    assertFalse(report.healthy());
    assertTrue(report.waitedMillis() >= 2000);
    assertEquals(healthUrl() + ": connection refused", report.message());
  }

  @Test
  void a_service_that_answers_503_is_unhealthy_and_says_so() throws Exception {
    HealthReport report =
        startAndVerify(serverArgv("503"), new HealthPlan(healthUrl(), List.of(), 500, 2000));

    assertFalse(report.healthy());
    assertEquals(healthUrl() + " answered 503", report.message());
  }

  @Test
  void a_failing_health_command_makes_the_service_unhealthy() throws Exception {
    List<String> command = List.of("sh", "-c", "echo 'database is locked'; exit 1");
    HealthReport report =
        startAndVerify(serverArgv("ok"), new HealthPlan(healthUrl(), command, 500, 2000));

    assertFalse(report.healthy());
    assertTrue(report.message().endsWith("exited 1: database is locked"), report.message());
    assertTrue(report.message().startsWith("health command `sh -c "), report.message());
  }

  @Test
  void a_passing_health_command_counts_toward_health() throws Exception {
    HealthReport report =
        startAndVerify(serverArgv("ok"), new HealthPlan(healthUrl(), List.of("true"), 500, 10_000));

    assertTrue(report.healthy(), report.message());
  }

  @Test
  void a_service_that_is_not_running_is_unhealthy_without_waiting_for_the_timeout()
      throws Exception {
    TargetPlan plan =
        TestServices.plan(
            root, serverArgv("ok"), new HealthPlan(healthUrl(), List.of(), 500, 60_000));

    HealthReport report = services.verifyHealth(plan);

    assertFalse(report.healthy());
    assertEquals("service is not running (Steward has not started it)", report.message());
  }

  @Test
  void reports_how_long_the_service_has_been_stable_while_it_waits() throws Exception {
    List<HealthProgress> reports = new CopyOnWriteArrayList<>();
    ServiceActivitiesImpl reporting =
        new ServiceActivitiesImpl(Duration.ofMillis(500), reports::add);
    TargetPlan plan =
        TestServices.plan(
            root, serverArgv("ok"), new HealthPlan(healthUrl(), List.of(), 5000, 30_000));
    started.add(plan);
    reporting.restartService(plan);
    TestServices.awaitLog(plan, "listening on");

    HealthReport report = reporting.verifyHealth(plan);

    assertTrue(report.healthy(), report.message());
    assertFalse(reports.isEmpty(), "a 5 s wait reports at least once");
    for (HealthProgress progress : reports) {
      assertTrue(progress.describe().matches("[0-4] s of 5 s stable"), progress.describe());
    }
  }
}
