package dev.steward.activities.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.workflows.host.RunStatus;
import dev.steward.workflows.host.TargetPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusActivitiesImplTest {
  @TempDir Path state;
  private final StatusActivitiesImpl status = new StatusActivitiesImpl();

  private TargetPlan plan() {
    return new TargetPlan(
        "demo",
        "test-host",
        state.resolve("app").toString(),
        state.toString(),
        null,
        null,
        0,
        null,
        List.of(),
        null);
  }

  private Map<String, Object> read() throws Exception {
    return new ObjectMapper()
        .readValue(state.resolve(".auto-update-status.json").toFile(), new TypeReference<>() {});
  }

  @Test
  void writes_the_field_guides_keys_and_leaves_out_what_is_unknown() throws Exception {
    status.writeStatus(
        plan(),
        new RunStatus(
            "success",
            "2025-01-01T03:04:05Z",
            "abc123",
            "def456",
            "updated",
            "update/demo/1",
            null,
            "updated and healthy"));

    Map<String, Object> json = read();

    assertEquals("success", json.get("status"));
    assertEquals("2025-01-01T03:04:05Z", json.get("timestamp"));
    assertEquals("abc123", json.get("pre_rev"));
    assertEquals("def456", json.get("post_rev"));
    assertEquals("updated", json.get("outcome"));
    assertEquals("update/demo/1", json.get("workflowId"));
    assertFalse(json.containsKey("snapshot"));
    assertFalse(json.containsKey("preRevision"));
  }

  @Test
  void replaces_the_previous_status_and_leaves_no_temporary_file() throws Exception {
    status.writeStatus(
        plan(), new RunStatus("success", "2025-01-01T03:00:00Z", "a", "b", null, null, null, null));
    status.writeStatus(
        plan(),
        new RunStatus("rollback", "2025-01-02T03:00:00Z", "b", "b", null, null, null, null));

    assertEquals("rollback", read().get("status"));
    try (Stream<Path> files = Files.list(state)) {
      assertEquals(
          List.of(".auto-update-status.json"), files.map(f -> f.getFileName().toString()).toList());
    }
  }
}
