package dev.steward.activities.status;

import static dev.steward.activities.testing.Shell.git;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.workflows.host.GoodRelease;
import dev.steward.workflows.host.RunStatus;
import dev.steward.workflows.host.TargetPlan;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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

  @Test
  void marks_the_checkouts_revision_as_the_last_known_good_release_and_status_shows_it()
      throws Exception {
    String head = commitInCheckout("v2");

    GoodRelease good = status.markGoodRelease(plan(), "update/demo/2");
    status.writeStatus(
        plan(),
        new RunStatus("success", "2025-01-01T03:04:05Z", "a", head, "updated", null, null, null));

    assertEquals(head, good.revision());
    assertEquals("update/demo/2", good.workflowId());
    Instant verified = Instant.parse(good.verifiedAt());
    assertTrue(good.verifiedAt().endsWith("Z"));
    assertFalse(verified.isAfter(Instant.now()));
    assertEquals(good, status.readGoodRelease(plan()));
    Map<String, Object> json = read();
    assertEquals(head, json.get("good_rev"));
    assertEquals(
        List.of("status", "timestamp", "pre_rev", "post_rev", "outcome", "good_rev"),
        List.copyOf(json.keySet()));
    assertTrue(Files.isRegularFile(state.resolve(".steward/good-release.json")));
  }

  @Test
  void marking_again_from_the_same_run_keeps_the_first_record() throws Exception {
    commitInCheckout("v2");
    GoodRelease first = status.markGoodRelease(plan(), "update/demo/2");
    byte[] recorded = Files.readAllBytes(state.resolve(".steward/good-release.json"));

    assertEquals(first, status.markGoodRelease(plan(), "update/demo/2"));
    assertArrayEquals(recorded, Files.readAllBytes(state.resolve(".steward/good-release.json")));
    String v3 = commitInCheckout("v3");
    assertEquals(v3, status.markGoodRelease(plan(), "recover/demo/3").revision());
    assertEquals("recover/demo/3", status.readGoodRelease(plan()).workflowId());
  }

  @Test
  void a_checkout_that_is_not_a_git_repository_records_nothing() throws Exception {
    Files.createDirectories(state.resolve("app"));

    assertNull(status.markGoodRelease(plan(), "update/demo/2"));
    assertNull(status.readGoodRelease(plan()));
    assertFalse(Files.exists(state.resolve(".steward/good-release.json")));
    status.writeStatus(
        plan(), new RunStatus("success", "2025-01-01T03:00:00Z", "a", "b", null, null, null, null));
    assertFalse(read().containsKey("good_rev"));
  }

  @Test
  void a_damaged_good_release_record_is_refused_by_name_and_the_status_is_still_written()
      throws Exception {
    Path record = Files.createDirectories(state.resolve(".steward")).resolve("good-release.json");
    Files.writeString(record, "{not json");

    ApplicationFailure failure =
        assertThrows(ApplicationFailure.class, () -> status.readGoodRelease(plan()));
    status.writeStatus(
        plan(), new RunStatus("success", "2025-01-01T03:00:00Z", "a", "b", null, null, null, null));

    assertTrue(failure.getOriginalMessage().startsWith("cannot read " + record));
    assertTrue(failure.getOriginalMessage().endsWith("(fix or delete it)"));
    assertFalse(failure.getOriginalMessage().contains("\n"));
    assertTrue(failure.isNonRetryable());
    assertEquals("success", read().get("status"));
    assertFalse(read().containsKey("good_rev"));
  }

  @Test
  void the_next_healthy_run_replaces_a_damaged_good_release_record() throws Exception {
    String head = commitInCheckout("v2");
    Path record = Files.createDirectories(state.resolve(".steward")).resolve("good-release.json");
    Files.writeString(record, "{not json");

    GoodRelease marked = status.markGoodRelease(plan(), "recover/demo/1");

    assertEquals(head, marked.revision());
    assertEquals(marked, status.readGoodRelease(plan()));
  }

  private String commitInCheckout(String version) throws Exception {
    Path checkout = Files.createDirectories(state.resolve("app"));
    if (!Files.exists(checkout.resolve(".git"))) {
      git(checkout, "init", "-q", "-b", "main");
    }
    Files.writeString(checkout.resolve("app.txt"), version + "\n");
    git(checkout, "add", "-A");
    git(checkout, "commit", "-q", "-m", version);
    return git(checkout, "rev-parse", "HEAD");
  }
}
