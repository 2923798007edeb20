package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.TestTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code steward schedule} against a real Temporal server, the only kind with a Schedules API. */
class ScheduleServerTest {
  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  @TempDir Path tmp;
  private Path config;
  private String base;

  /** Leaves the server as it was, also when the test failed half way. */
  @AfterEach
  void deleteTheSchedule() throws Exception {
    if (base != null) {
      Files.writeString(config, base);
      CliRun.of("-c", config.toString(), "schedule", "apply");
    }
  }

  @Test
  void apply_creates_then_leaves_unchanged_then_replaces_then_deletes() throws Exception {
    TestTarget target = TestTarget.create(tmp);
    config = tmp.resolve("it.yaml");
    base = temporal.configSection() + Files.readString(target.config());
    Files.writeString(config, base + "    schedule:\n      update: {at: \"03:00\"}\n");

    CliRun created = CliRun.of("-c", config.toString(), "schedule", "apply");
    CliRun again = CliRun.of("-c", config.toString(), "schedule", "apply");
    Files.writeString(config, base + "    schedule:\n      update: {at: \"04:30\"}\n");
    CliRun replaced = CliRun.of("-c", config.toString(), "schedule", "apply");
    CliRun paused = CliRun.of("-c", config.toString(), "schedule", "pause", "demo");
    CliRun listed = CliRun.of("-c", config.toString(), "schedule", "list");
    Files.writeString(config, base);
    CliRun deleted = CliRun.of("-c", config.toString(), "schedule", "apply");

    assertTrue(created.out().startsWith("created update/demo: daily at 03:00"), created.toString());
    assertEquals("unchanged update/demo\n", again.out(), again.toString());
    assertTrue(
        replaced.out().startsWith("replaced update/demo: daily at 04:30"), replaced.toString());
    assertEquals(0, paused.exitCode(), paused.toString());
    assertTrue(listed.out().contains("update/demo  PAUSED"), listed.toString());
    assertEquals(
        "deleted update/demo (no longer in the config)\n", deleted.out(), deleted.toString());
  }
}
