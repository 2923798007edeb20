package dev.steward.cli.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.TestTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward worker} stopped as {@code systemctl stop} stops it: SIGTERM, and the worker's
 * shutdown hook stops the worker and waits while the command closes what it opened. Real process,
 * real server.
 */
class WorkerStopTest {
  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  @TempDir Path tmp;

  @Test
  void a_worker_stopped_with_sigterm_exits_as_terminated_without_an_error() throws Exception {
    TestTarget target = TestTarget.create(tmp.resolve("target"));
    Path config =
        Files.writeString(
            tmp.resolve("steward.yaml"),
            temporal.configSection() + Files.readString(target.config()));

    try (StewardProcess worker =
        StewardProcess.start(
            tmp.resolve("logs"), "worker", Map.of(), "-c", config.toString(), "worker")) {
      worker.awaitOutput("stop it with Ctrl-C or SIGTERM", Duration.ofMinutes(2));

      worker.stop();

      assertEquals(143, worker.exitCode(Duration.ofMinutes(1)), worker.toString());
      assertFalse(worker.stderr().contains("Exception"), worker.toString());
      assertFalse(worker.stderr().contains("steward:"), worker.toString());
    }
  }
}
