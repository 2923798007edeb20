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
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward rollout start} end to end: the CLI, the real FleetRolloutWorkflow and the host's
 * own update pipeline on the embedded server, against a real target. On the embedded server a fleet
 * can only be this host (nobody else reaches that server); several hosts are FleetRolloutTest's.
 */
class RolloutEndToEndTest {
  private static final String HOST = "h1";

  @TempDir Path tmp;
  private TestTarget target;
  private final ServiceActivitiesImpl service = new ServiceActivitiesImpl();

  @BeforeEach
  void startTarget() throws Exception {
    target = TestTarget.createOnHost(tmp, HOST);
    Files.writeString(
        target.config(),
        "fleets:\n  solo:\n    target: demo\n    hosts: [" + HOST + "]\n",
        StandardOpenOption.APPEND);
    service.restartService(plan());
  }

  @AfterEach
  void stopTarget() {
    service.stopService(plan());
  }

  @Test
  void a_healthy_release_is_rolled_out_and_the_rollout_exits_0() throws Exception {
    String next = target.publish("healthy v2");

    CliRun run = CliRun.of("-c", target.config().toString(), "rollout", "start", "solo");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("rollout/solo/"), run.toString());
    assertEquals(next, target.revision());
  }

  @Test
  void a_release_bad_on_the_only_host_halts_the_rollout_with_the_host_rolled_back()
      throws Exception {
    String before = target.revision();
    target.publish("exits-after-1s");

    CliRun run =
        CliRun.of("-c", target.config().toString(), "rollout", "start", "solo", "--output", "json");

    assertEquals(3, run.exitCode(), run.toString());
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertEquals("halted", result.get("outcome").asText(), run.out());
    JsonNode host = result.get("hosts").get(0);
    assertEquals(HOST, host.get("host").asText());
    assertEquals("rolled_back", host.get("state").asText(), run.out());
    assertEquals(before, target.revision());
  }

  private TargetPlan plan() {
    return ConfigLoader.forThisMachine().load(target.config()).targets().get(TestTarget.NAME);
  }
}
