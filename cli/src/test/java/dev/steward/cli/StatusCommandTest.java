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

/** {@code steward status} reads the host: checkout, last known good, status file, lock, hold. */
class StatusCommandTest {
  @TempDir Path tmp;

  @Test
  void shows_the_revision_the_last_known_good_release_and_the_last_run_and_what_is_unknown()
      throws Exception {
    TestTarget target = TestTarget.create(tmp);
    TargetPlan plan = ConfigLoader.forThisMachine().load(target.config()).targets().get("demo");
    ServiceActivitiesImpl service = new ServiceActivitiesImpl();
    service.restartService(plan);
    String next = target.publish("healthy v2");
    CliRun update;
    try {
      update = CliRun.of("-c", target.config().toString(), "update", "demo");
    } finally {
      service.stopService(plan);
    }
    assertEquals(0, update.exitCode(), update.toString());
    String updateId =
        update
            .out()
            .lines()
            .filter(l -> l.startsWith("run "))
            .findFirst()
            .orElseThrow(() -> new AssertionError(update.toString()))
            .substring("run ".length());

    CliRun run = CliRun.of("-c", target.config().toString(), "status", "demo");
    CliRun json = CliRun.of("-c", target.config().toString(), "status", "demo", "--output", "json");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("  revision  " + next), run.out());
    String good = "  good      " + next.substring(0, 7) + " verified at .+Z by " + updateId;
    assertTrue(run.out().lines().anyMatch(l -> l.matches(good)), run.out());
    JsonNode demo = new ObjectMapper().readTree(json.out()).get(0);
    assertEquals(next, demo.get("goodRelease").get("revision").asText(), json.out());
    assertEquals(updateId, demo.get("goodRelease").get("workflowId").asText(), json.out());
    assertEquals(next, demo.get("lastRun").get("good_rev").asText(), "the status file's good_rev");
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
    assertTrue(demo.get("goodRelease").isNull(), "none recorded before a healthy run");
    assertEquals("rollback failed", demo.get("hold").get("reason").asText());
  }

  @Test
  void a_damaged_good_release_record_is_named_in_one_line_not_an_error() throws Exception {
    TestTarget target = TestTarget.create(tmp);
    Path record = target.state().resolve(".steward/good-release.json");
    CliRun none = CliRun.of("-c", target.config().toString(), "status", "demo");
    Files.createDirectories(record.getParent());
    Files.writeString(record, "{not json");

    CliRun run = CliRun.of("-c", target.config().toString(), "status", "demo");

    assertTrue(none.out().contains("  good      none recorded yet"), none.out());
    assertEquals(0, run.exitCode(), run.toString());
    String line = run.out().lines().filter(l -> l.startsWith("  good ")).findFirst().orElseThrow();
    assertTrue(line.startsWith("  good      unknown: cannot read " + record), line);
    assertTrue(line.endsWith("(fix or delete it)"), line);
  }

  @Test
  void refuses_an_unknown_target_with_exit_2() throws Exception {
    TestTarget target = TestTarget.create(tmp);

    CliRun run = CliRun.of("-c", target.config().toString(), "status", "nosuch");

    assertEquals(2, run.exitCode(), run.toString());
  }
}
