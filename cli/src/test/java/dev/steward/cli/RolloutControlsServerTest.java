package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.worker.Await;
import dev.steward.worker.RealTemporalServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The requests a rollout answers — {@code rollout pause|resume|approve|abort} — and their one-line
 * refusals, in-process against a real Temporal server: Temporal's in-memory test server cannot
 * deliver an update to a run over its port ("update … not found"). The rollout is {@link
 * ScriptedRollout}, a test-only stand-in for the real workflow, which has its own tests.
 */
class RolloutControlsServerTest {
  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  @TempDir Path tmp;
  private RolloutFixture fx;

  @BeforeEach
  void writeConfig() throws Exception {
    fx = new RolloutFixture(tmp, temporal.configSection());
  }

  @AfterEach
  void stopWorker() {
    fx.close();
  }

  @Test
  void pause_resume_and_approve_then_follow_to_the_end() throws Exception {
    fx.rollouts("    approval: after-canary\n", Set.of(), Set.of());
    String id = fx.startDetached();
    fx.awaitPhase(id, "awaiting-approval");

    CliRun paused = fx.steward("rollout", "pause", id);
    CliRun pausedAgain = fx.steward("rollout", "pause", id);
    CliRun resumed = fx.steward("rollout", "resume", id);
    CliRun approved = fx.steward("rollout", "approve", id, "--output", "json");
    CliRun followed = fx.steward("follow", id);
    CliRun late = fx.steward("rollout", "approve", id);

    assertEquals(0, paused.exitCode(), paused.toString());
    assertTrue(paused.out().startsWith(id + ": paused"), paused.out());
    assertEquals(1, pausedAgain.exitCode(), pausedAgain.toString());
    assertEquals(
        "steward: " + id + ": the rollout is already paused\n",
        pausedAgain.err(),
        pausedAgain.toString());
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertEquals(0, approved.exitCode(), approved.toString());
    assertEquals("approve", new ObjectMapper().readTree(approved.out()).get("request").asText());
    assertEquals(0, followed.exitCode(), followed.toString());
    assertTrue(followed.out().contains("updated: gateways"), followed.out());
    assertEquals(1, late.exitCode(), late.toString());
    assertEquals(1, late.err().lines().count(), late.toString());
    assertTrue(late.err().startsWith("steward: " + id + ": "), late.toString());
  }

  @Test
  void approve_when_not_waiting_is_a_one_line_refusal_with_exit_1() throws Exception {
    fx.rollouts("    approval: every-batch\n", Set.of(), Set.of());
    String id = fx.startDetached();
    fx.awaitPhase(id, "awaiting-approval");
    CliRun first = fx.steward("rollout", "approve", id);
    Await.until("the second gate", Duration.ofSeconds(60), () -> fx.status(id).batch() == 2);
    fx.awaitPhase(id, "awaiting-approval");

    CliRun second = fx.steward("rollout", "approve", id);
    CliRun third = fx.steward("rollout", "approve", id);

    assertEquals(0, first.exitCode(), first.toString());
    assertEquals(0, second.exitCode(), second.toString());
    assertEquals(1, third.exitCode(), third.toString());
    assertEquals(1, third.err().lines().count(), third.toString());
    assertTrue(
        third
            .err()
            .startsWith("steward: " + id + ": the rollout is not waiting for approval (it is "),
        third.toString());
  }

  @Test
  void a_rejection_reverts_the_canary_with_exit_3_on_follow() throws Exception {
    fx.rollouts("    approval: after-canary\n", Set.of(), Set.of());
    String id = fx.startDetached();
    fx.awaitPhase(id, "awaiting-approval");

    CliRun rejected = fx.steward("rollout", "approve", id, "--reject", "--reason", "latency up");
    CliRun followed = fx.steward("follow", id);

    assertEquals(0, rejected.exitCode(), rejected.toString());
    assertTrue(rejected.out().startsWith(id + ": rejected"), rejected.out());
    assertEquals(3, followed.exitCode(), followed.toString());
    assertTrue(followed.out().contains("reverted: gateways"), followed.out());
    assertTrue(followed.out().contains("  vps-1        reverted"), followed.out());
  }

  @Test
  void abort_with_revert_stops_and_reverts_and_a_second_abort_is_refused() throws Exception {
    fx.rollouts("    approval: after-canary\n", Set.of(), Set.of());
    String id = fx.startDetached();
    fx.awaitPhase(id, "awaiting-approval");

    CliRun aborted = fx.steward("rollout", "abort", id, "--revert");
    CliRun followed = fx.steward("follow", id, "--output", "json");
    CliRun again = fx.steward("rollout", "abort", id);

    assertEquals(0, aborted.exitCode(), aborted.toString());
    assertEquals(3, followed.exitCode(), followed.toString());
    assertEquals("reverted", new ObjectMapper().readTree(followed.out()).get("outcome").asText());
    assertEquals(1, again.exitCode(), again.toString());
    assertEquals(1, again.err().lines().count(), again.toString());
  }
}
