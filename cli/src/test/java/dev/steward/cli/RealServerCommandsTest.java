package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.worker.Await;
import dev.steward.worker.RealTemporalServer;
import dev.steward.worker.TemporalConnection;
import dev.steward.worker.config.ConfigLoader;
import dev.steward.worker.setup.NamespaceSetup;
import dev.steward.worker.setup.SearchAttributeSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward setup}, {@code history} and {@code doctor} against a real Temporal server, with
 * this host's worker and a real target running: what the in-memory server cannot answer.
 */
class RealServerCommandsTest {
  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private static WorkerAndTarget host;

  @BeforeAll
  static void startWorkerAndTarget() throws Exception {
    host = WorkerAndTarget.start(tmp, temporal.configSection());
  }

  @AfterAll
  static void stopWorkerAndTarget() {
    if (host != null) {
      host.close();
    }
  }

  @Test
  void history_lists_update_and_recovery_runs_with_their_outcomes() throws Exception {
    String next = host.target.publish("healthy v2");
    CliRun update = host.steward("update", "demo", "--output", "json");
    host.service.stopService(host.plan());
    CliRun recover = host.steward("recover", "demo", "--output", "json");
    assertEquals(0, update.exitCode(), update.toString());
    assertEquals(0, recover.exitCode(), recover.toString());
    assertEquals(next, host.target.revision());
    String updateId = JSON.readTree(update.out()).get("workflowId").asText();
    String recoveryId = JSON.readTree(recover.out()).get("workflowId").asText();

    // Visibility is updated after a run closes, not with it: wait until both outcomes show.
    CliRun[] json = new CliRun[1];
    Await.until(
        "both runs listed with their outcomes",
        Duration.ofSeconds(60),
        () -> {
          json[0] = host.steward("history", "demo", "--output", "json");
          return json[0].out().contains("\"outcome\":\"updated\"")
              && json[0].out().contains("\"outcome\":\"restarted\"");
        },
        () -> json[0].toString());
    CliRun table = host.steward("history", "demo");

    assertEquals(0, json[0].exitCode(), json[0].toString());
    JsonNode runs = JSON.readTree(json[0].out());
    JsonNode recovery = runs.get(0);
    assertEquals(recoveryId, recovery.get("workflowId").asText(), "newest first: " + runs);
    assertEquals("recovery", recovery.get("kind").asText(), runs.toString());
    assertEquals("restarted", recovery.get("outcome").asText(), runs.toString());
    JsonNode updated = find(runs, updateId);
    assertEquals("update", updated.get("kind").asText(), runs.toString());
    assertEquals("updated", updated.get("outcome").asText(), runs.toString());
    assertEquals(0, table.exitCode(), table.toString());
    assertTrue(row(table, recoveryId).matches("restarted +recovery .*"), table.out());
    assertTrue(row(table, updateId).matches("updated +update .*"), table.out());
  }

  @Test
  void history_lists_a_restore_as_a_recovery_run_with_its_outcome() throws Exception {
    host.target.publish("healthy v3");
    CliRun update = host.steward("update", "demo");
    assertEquals(0, update.exitCode(), update.toString());
    CliRun listed = host.steward("snapshots", "demo", "--output", "json");
    String newest = JSON.readTree(listed.out()).get(0).get("file").asText();
    CliRun restore = host.steward("restore", "demo", newest, "--output", "json");
    assertEquals(0, restore.exitCode(), restore.toString());
    String restoreId = JSON.readTree(restore.out()).get("workflowId").asText();

    CliRun[] json = new CliRun[1];
    Await.until(
        "the restore listed with its outcome",
        Duration.ofSeconds(60),
        () -> {
          json[0] = host.steward("history", "demo", "--output", "json");
          return json[0].exitCode() == 0 && "rolled_back".equals(outcome(json[0], restoreId));
        },
        () -> json[0].toString());

    JsonNode restored = find(JSON.readTree(json[0].out()), restoreId);
    assertEquals("recovery", restored.get("kind").asText(), json[0].out());
    assertEquals("rolled_back", restored.get("outcome").asText(), json[0].out());
  }

  @Test
  void setup_creates_a_namespace_with_the_attributes_and_finds_them_present_the_second_time()
      throws Exception {
    Path config = inNamespace("steward-setup");

    CliRun first = CliRun.of("-c", config.toString(), "setup");
    CliRun again = CliRun.of("-c", config.toString(), "setup");

    assertEquals(0, first.exitCode(), first.toString());
    assertTrue(first.out().contains("namespace steward-setup: created"), first.toString());
    assertTrue(
        first
            .out()
            .contains("search attributes: added StewardTarget, StewardHost, StewardOutcome,"),
        first.toString());
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(again.out().contains("namespace steward-setup: exists"), again.toString());
    assertTrue(
        again
            .out()
            .contains(
                "search attributes: StewardTarget, StewardHost, StewardOutcome, StewardKind,"
                    + " StewardFleet already registered"),
        again.toString());
  }

  @Test
  void update_in_a_namespace_without_stewards_attributes_says_to_run_steward_setup()
      throws Exception {
    Path config = inNamespace("steward-bare");
    try (TemporalConnection connection =
        TemporalConnection.connect(ConfigLoader.forThisMachine().load(config).temporal())) {
      new NamespaceSetup(connection.client()).ensure();
      new SearchAttributeSetup(connection.client()).awaitNamespace(Duration.ofSeconds(60));
    }

    CliRun run = CliRun.of("-c", config.toString(), "update", "demo", "--detach");

    assertEquals(2, run.exitCode(), run.toString());
    assertEquals(1, run.err().lines().count(), run.toString());
    assertTrue(
        run.err()
            .startsWith(
                "steward: namespace steward-bare does not know Steward's search attributes ("),
        run.toString());
    assertTrue(run.err().strip().endsWith("; run steward setup"), run.toString());
  }

  @Test
  void doctor_answers_every_host_check() {
    CliRun run = host.steward("doctor");

    assertEquals(0, run.exitCode(), run.toString());
    List<String> unanswered = run.out().lines().filter(l -> l.startsWith("?")).toList();
    assertEquals(List.of(), unanswered, run.toString());
    assertTrue(run.out().contains("ok    server: " + temporal.address()), run.toString());
    assertTrue(
        run.out()
            .contains(
                "ok    search attributes: StewardTarget, StewardHost, StewardOutcome, StewardKind"),
        run.toString());
    assertTrue(
        run.out().contains("WARN  schedule of demo: none names it; run steward schedule apply"),
        run.toString());
    assertTrue(run.out().contains("ok    clock: within "), run.toString());
  }

  /** A steward.yaml for the target, in {@code namespace} of the server. */
  private static Path inNamespace(String namespace) throws Exception {
    return Files.writeString(
        tmp.resolve(namespace + ".yaml"),
        temporal.configSection()
            + "  namespace: "
            + namespace
            + "\n"
            + Files.readString(host.target.config()));
  }

  /** The outcome {@code history --output json} lists for {@code workflowId}, or null. */
  private static String outcome(CliRun history, String workflowId) {
    try {
      for (JsonNode run : JSON.readTree(history.out())) {
        if (run.get("workflowId").asText().equals(workflowId)) {
          return run.get("outcome").asText();
        }
      }
      return null;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode find(JsonNode runs, String workflowId) {
    for (JsonNode run : runs) {
      if (run.get("workflowId").asText().equals(workflowId)) {
        return run;
      }
    }
    throw new AssertionError(workflowId + " not listed: " + runs);
  }

  /** The table's row of {@code workflowId}. */
  private static String row(CliRun table, String workflowId) {
    return table
        .out()
        .lines()
        .filter(l -> l.endsWith(" " + workflowId))
        .findFirst()
        .orElseThrow(() -> new AssertionError(workflowId + " not in the table:\n" + table.out()));
  }
}
