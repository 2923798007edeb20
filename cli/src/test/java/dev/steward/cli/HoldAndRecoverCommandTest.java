package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.activities.service.ServiceActivitiesImpl;
import dev.steward.activities.status.StatusActivitiesImpl;
import dev.steward.worker.TestTarget;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.workflows.host.TargetPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward hold|release|recover} in-process, on the embedded server, on a real target. */
class HoldAndRecoverCommandTest {
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
  void a_held_target_refuses_updates_with_exit_6_until_it_is_released() throws Exception {
    String config = target.config().toString();
    String before = target.revision();
    String next = target.publish("healthy v2");

    CliRun hold = CliRun.of("-c", config, "hold", "demo", "--reason", "waiting for upstream fix");
    CliRun held = CliRun.of("-c", config, "update", "demo");

    assertEquals(0, hold.exitCode(), hold.toString());
    assertEquals(6, held.exitCode(), held.toString());
    assertTrue(held.out().contains("held: demo: updates are on hold"), held.out());
    assertTrue(held.out().contains("waiting for upstream fix"), held.out());
    assertTrue(held.out().contains("steward release demo"), held.out());
    assertEquals(before, target.revision(), "a held run changes nothing");

    CliRun release = CliRun.of("-c", config, "release", "demo");
    CliRun updated = CliRun.of("-c", config, "update", "demo");

    assertEquals(0, release.exitCode(), release.toString());
    assertTrue(release.out().contains("hold released"), release.out());
    assertEquals(0, updated.exitCode(), updated.toString());
    assertEquals(next, target.revision());
    // Written by the run's last step, before the command stopped its worker without a drain.
    String status = Files.readString(target.state().resolve(StatusActivitiesImpl.FILE_NAME));
    assertTrue(status.contains(next), status);
  }

  @Test
  void hold_without_a_reason_is_a_usage_error() {
    CliRun run = CliRun.of("-c", target.config().toString(), "hold", "demo");

    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--reason"), run.err());
  }

  @Test
  void recover_restarts_a_killed_service_and_prints_one_json_object() throws Exception {
    long pid =
        new ObjectMapper()
            .readTree(target.state().resolve(".steward/service.json").toFile())
            .get("pid")
            .asLong();
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.onExit().get(30, TimeUnit.SECONDS);

    CliRun run = CliRun.of("-c", target.config().toString(), "recover", "demo", "--output", "json");

    assertEquals(0, run.exitCode(), run.toString());
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertEquals("restarted", result.get("outcome").asText());
    assertEquals("restart", result.get("recoveredBy").asText());
    assertTrue(result.get("secondsToRecover").isNumber(), run.out());
    assertTrue(result.get("workflowId").asText().startsWith("recover/demo/"));
    assertFalse(Files.exists(target.state().resolve(".steward/hold.json")));
  }

  @Test
  void recover_exits_4_when_the_target_cannot_be_saved() throws Exception {
    Files.writeString(target.state().resolve("schema.txt"), "corrupt\n");
    service.stopService(plan());

    CliRun run = CliRun.of("-c", target.config().toString(), "recover", "demo");

    assertEquals(4, run.exitCode(), run.toString());
    assertTrue(run.out().contains("failed: demo:"), run.out());
    assertTrue(run.out().contains("schema.txt is corrupt"), "the evidence is shown: " + run.out());
    assertTrue(Files.exists(target.state().resolve(".steward/hold.json")));
  }

  private TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }
}
