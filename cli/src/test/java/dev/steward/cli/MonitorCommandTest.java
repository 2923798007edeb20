package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.host.TargetPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward monitor --once} in-process, on the embedded server, against a real target. */
class MonitorCommandTest {
  @TempDir Path tmp;
  private TestTarget target;
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();

  @BeforeEach
  void startTarget() throws Exception {
    target = TestTarget.create(tmp);
    service.restartService(plan());
    assertTrue(service.verifyHealth(plan()).healthy(), "the service should be up before measuring");
  }

  @AfterEach
  void stopTarget() {
    service.stopService(plan());
  }

  @Test
  void measures_once_and_prints_each_metric_as_json_exiting_0_when_all_are_within_thresholds()
      throws Exception {
    CliRun run =
        CliRun.of(
            "-c", target.config().toString(), "monitor", "demo", "--once", "--output", "json");

    assertEquals(0, run.exitCode(), run.toString());
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertEquals("demo", result.get("target").asText());
    assertEquals(false, result.get("alert").asBoolean());
    List<String> names = new ArrayList<>();
    result.get("metrics").forEach(m -> names.add(m.get("name").asText()));
    assertEquals(List.of("up", "disk", "memory", "errors", "update"), names);
    JsonNode up = result.get("metrics").get(0);
    assertEquals("ok", up.get("state").asText());
    JsonNode memory = result.get("metrics").get(2);
    assertEquals("ok", memory.get("state").asText());
    assertTrue(memory.get("value").asText().endsWith("MiB"), memory.toString());
    assertTrue(result.get("metrics").get(1).has("threshold"));
  }

  @Test
  void exits_7_and_marks_the_metric_when_one_is_beyond_its_threshold() throws Exception {
    target.withConfig("    monitor:\n      diskFreeMin: 100%\n      memoryMax: 1KiB\n");

    CliRun run = CliRun.of("-c", target.config().toString(), "monitor", "demo", "--once");

    assertEquals(7, run.exitCode(), run.toString());
    assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+ALERT\\s+disk\\s+.*")), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+ALERT\\s+memory\\s+.*")), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+ok\\s+up\\s+.*")), run.out());
  }

  private TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }
}
