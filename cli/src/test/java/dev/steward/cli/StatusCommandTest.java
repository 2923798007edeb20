package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.host.TargetPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward status} reads the host: checkout, status file, lock, hold. */
class StatusCommandTest {
  @TempDir Path tmp;

  @Test
  void shows_the_revision_and_the_last_run_and_says_what_is_unknown() throws Exception {
    TestTarget target = TestTarget.create(tmp);
    TargetPlan plan = ConfigLoader.forThisMachine().load(target.config()).targets().get("demo");
    ServiceActivitiesImpl service = new ServiceActivitiesImpl();
    service.restartService(plan);
    String next = target.publish("healthy v2");
    try {
      assertEquals(0, CliRun.of("-c", target.config().toString(), "update", "demo").exitCode());
    } finally {
      service.stopService(plan);
    }

    CliRun run = CliRun.of("-c", target.config().toString(), "status", "demo");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("  revision  " + next), run.out());
    assertTrue(run.out().contains("  last run  success (updated) at "), run.out());
    assertTrue(run.out().contains("  running   nothing"), run.out());
    assertTrue(run.out().contains("  hold      none"), run.out());
    assertTrue(run.out().contains("  next run  unknown: no Temporal server configured"), run.out());
  }

  @Test
  void prints_a_json_array_with_the_hold_of_each_target() throws Exception {
    TestTarget target = TestTarget.create(tmp);
    // What `steward hold demo --reason ...` leaves on the host.
    Files.createDirectories(target.state().resolve(".steward"));
    Files.writeString(
        target.state().resolve(".steward/hold.json"),
        "{\"reason\": \"rollback failed\", \"since\": \"2026-11-29T03:05:00Z\"}");

    CliRun run = CliRun.of("-c", target.config().toString(), "status", "--output", "json");

    assertEquals(0, run.exitCode(), run.toString());
    JsonNode statuses = new ObjectMapper().readTree(run.out());
    assertEquals(1, statuses.size());
    JsonNode demo = statuses.get(0);
    assertEquals("demo", demo.get("target").asText());
    assertEquals(target.revision(), demo.get("revision").asText());
    assertTrue(demo.get("lastRun").isNull());
    assertEquals("rollback failed", demo.get("hold").get("reason").asText());
  }

  @Test
  void refuses_an_unknown_target_with_exit_2() throws Exception {
    TestTarget target = TestTarget.create(tmp);

    CliRun run = CliRun.of("-c", target.config().toString(), "status", "nosuch");

    assertEquals(2, run.exitCode(), run.toString());
  }
}
