package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.TestTarget;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approval through the CLI where it cannot work: the embedded server lives inside the command that
 * runs the pipeline. The answers themselves are tested on the workflow (RunControlsTest).
 */
class ApprovalCommandsTest {
  @TempDir Path tmp;

  @Test
  void approve_without_a_server_is_exit_2_saying_what_to_configure() throws Exception {
    TestTarget target = TestTarget.create(tmp);

    CliRun run = CliRun.of("-c", target.config().toString(), "approve", "update/demo/x");

    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("set temporal.address"), run.err());
  }

  @Test
  void an_update_that_needs_approval_is_refused_on_the_embedded_server() throws Exception {
    TestTarget target =
        TestTarget.create(tmp).withConfig("    approval: {required: true, timeout: 1h}\n");

    CliRun run = CliRun.of("-c", target.config().toString(), "update", "demo");

    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(1, run.err().lines().count(), run.toString());
    assertTrue(run.err().contains("needs approval"), run.err());
  }
}
