package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.host.TargetPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward update} in-process, on the embedded server, against a real target. */
class UpdateCommandTest {
  @TempDir Path tmp;
  private TestTarget target;
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();

  @BeforeEach
  void startTarget() throws Exception {
    target = TestTarget.create(tmp);
    service.restartService(plan());
  }

  @AfterEach
  void stopTarget() {
    service.stopService(plan());
  }

  @Test
  void prints_a_line_per_step_and_exits_0_when_updated() throws Exception {
    String next = target.publish("healthy v2");

    CliRun run = CliRun.of("-c", target.config().toString(), "update", TestTarget.NAME);

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("run update/demo/"), run.toString());
    assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+ok\\s+snapshot\\s+.*")), run.out());
    assertTrue(run.out().contains("updated: demo"), run.toString());
    assertEquals(next, target.revision());
  }

  @Test
  void prints_exactly_one_json_object_and_exits_3_when_rolled_back() throws Exception {
    String before = target.revision();
    target.publish("exits-after-1s");

    CliRun run =
        CliRun.of("-c", target.config().toString(), "update", TestTarget.NAME, "--output", "json");

    assertEquals(3, run.exitCode(), run.toString());
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertEquals("demo", result.get("target").asText());
    assertEquals("rolled_back", result.get("outcome").asText());
    assertEquals(before, result.get("fromRevision").asText());
    assertEquals(before, result.get("toRevision").asText());
    assertTrue(result.get("snapshot").asText().startsWith(target.snapshotDir().toString()));
    assertTrue(result.get("workflowId").asText().startsWith("update/demo/"));
    JsonNode health = null;
    for (JsonNode step : result.get("steps")) {
      health = "health".equals(step.get("name").asText()) ? step : health;
    }
    assertNotNull(health, result.get("steps").toString());
    assertEquals("failed", health.get("status").asText());
    assertTrue(health.get("durationMs").asLong() > 0);
    assertTrue(health.has("message"));
  }

  @Test
  void a_rolled_back_update_says_where_it_kept_the_state_the_failed_release_left()
      throws Exception {
    target.publish("exits-after-1s");

    CliRun run = CliRun.of("-c", target.config().toString(), "update", TestTarget.NAME);

    assertEquals(3, run.exitCode(), run.toString());
    String prefix = "kept the state it replaced in ";
    String kept =
        run.out()
            .lines()
            .filter(l -> l.startsWith(prefix))
            .findFirst()
            .orElseThrow(() -> new AssertionError(run.toString()))
            .substring(prefix.length());
    assertTrue(kept.startsWith(target.snapshotDir().resolve("pre-restore").toString()), kept);
    assertTrue(java.nio.file.Files.isRegularFile(Path.of(kept)), kept);
  }

  @Test
  void refuses_an_unknown_target_with_exit_2_naming_the_known_ones() throws Exception {
    CliRun run = CliRun.of("-c", target.config().toString(), "update", "nosuch");

    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(1, run.err().lines().count(), run.toString());
    assertTrue(run.err().contains("no target \"nosuch\"") && run.err().contains("demo"), run.err());
  }

  @Test
  void exits_5_with_one_line_when_temporal_is_unreachable() throws Exception {
    Path config = tmp.resolve("remote.yaml");
    java.nio.file.Files.writeString(
        config,
        "temporal:\n  address: 127.0.0.1:1\n" + java.nio.file.Files.readString(target.config()));

    CliRun run = CliRun.of("-c", config.toString(), "update", TestTarget.NAME);

    assertEquals(5, run.exitCode(), run.toString());
    assertEquals(1, run.err().lines().count(), run.toString());
    assertTrue(run.err().contains("127.0.0.1:1 is unreachable"), run.err());
  }

  @Test
  void refuses_to_detach_on_the_embedded_server_with_exit_2() throws Exception {
    CliRun run = CliRun.of("-c", target.config().toString(), "update", TestTarget.NAME, "--detach");

    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(1, run.err().lines().count(), run.toString());
    assertTrue(run.err().contains("--detach needs a Temporal server"), run.err());
  }

  private TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }
}
