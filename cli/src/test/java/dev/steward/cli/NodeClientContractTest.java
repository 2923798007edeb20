package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.worker.Await;
import dev.steward.worker.RealTemporalServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steward's workflows are a contract (docs/contract.md): {@code contract/node/update.js}, a Node.js
 * script with Temporal's TypeScript SDK and no Steward code, starts {@code UpdateWorkflow} by its
 * type name on the real server, reads its {@code progress} query and its JSON result, while this
 * host's Java worker runs the pipeline on a real target.
 */
class NodeClientContractTest {
  @RegisterExtension static final RealTemporalServer temporal = new RealTemporalServer();

  private static final Path CLIENT = Path.of("..", "contract", "node").toAbsolutePath().normalize();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  private static WorkerAndTarget host;

  @BeforeAll
  static void installTheClientAndStartWorkerAndTarget() throws Exception {
    String reason = nodeMissing();
    if (reason != null) {
      RealTemporalServer.skipOrFail("NodeClientContractTest", reason);
    }
    if (!Files.isDirectory(CLIENT.resolve("node_modules"))) {
      Run install =
          Run.of(
              List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"),
              Duration.ofMinutes(5));
      assertEquals(0, install.exitCode, "npm ci in " + CLIENT + ":\n" + install);
    }
    host = WorkerAndTarget.start(tmp, temporal.configSection());
  }

  @AfterAll
  static void stopWorkerAndTarget() {
    if (host != null) {
      host.close();
    }
  }

  @Test
  void a_node_client_updates_the_target_through_the_workflow_contract() throws Exception {
    String before = host.target.revision();
    String next = host.target.publish("healthy v2");

    Run client =
        Run.of(
            List.of("node", "update.js", temporal.address(), "demo", "test-host"),
            Duration.ofMinutes(3));

    assertEquals(0, client.exitCode, client.toString());
    JsonNode printed = JSON.readTree(client.out);
    JsonNode result = printed.get("result");
    assertEquals("updated", result.get("outcome").asText(), client.toString());
    assertEquals(before, result.get("fromRevision").asText(), client.toString());
    assertEquals(next, result.get("toRevision").asText(), client.toString());
    assertNotEquals(before, host.target.revision(), "the target's revision changed");
    assertEquals(next, host.target.revision());
    List<String> seen = new ArrayList<>();
    printed.get("progress").forEach(step -> seen.add(step.get("name").asText()));
    assertFalse(seen.isEmpty(), "the progress query showed steps: " + client);
    assertEquals("plan", seen.get(0), client.toString());
    String workflowId = printed.get("workflowId").asText();
    assertEquals(workflowId, result.get("workflowId").asText(), client.toString());
    CliRun[] history = new CliRun[1];
    Await.until(
        "the Node.js client's run listed with its outcome",
        Duration.ofSeconds(60),
        () -> {
          history[0] = host.steward("history", "demo", "--output", "json");
          return history[0].out().contains("\"workflowId\":\"" + workflowId + "\"")
              && history[0].out().contains("\"outcome\":\"updated\"");
        },
        () -> history[0].toString());
    assertTrue(history[0].out().contains("\"kind\":\"update\""), history[0].toString());
  }

  /** Why the client cannot run here, or null when Node.js ≥ 20.3 and npm are on PATH. */
  private static String nodeMissing() throws IOException, InterruptedException {
    if (onPath("npm") == null || onPath("node") == null) {
      return "no node and npm on PATH: the Node.js contract client cannot run";
    }
    Run version = Run.of(List.of("node", "--version"), Duration.ofMinutes(1));
    String[] parts = version.out.strip().replace("v", "").split("\\.");
    int major = Integer.parseInt(parts[0]);
    int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
    return major > 20 || (major == 20 && minor >= 3)
        ? null
        : "node " + version.out.strip() + " is older than @temporalio/client 1.24 needs (20.3)";
  }

  /** The executable {@code name} on PATH, or null. */
  private static Path onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** A process run in the client's directory to its end: exit code, stdout, stderr. */
  private record Run(List<String> command, int exitCode, String out, String err) {
    static Run of(List<String> command, Duration timeout) throws IOException, InterruptedException {
      Path out = Files.createTempFile(tmp, "out-", ".txt");
      Path err = Files.createTempFile(tmp, "err-", ".txt");
      Process process =
          new ProcessBuilder(command)
              .directory(CLIENT.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            String.join(" ", command) + " did not end within " + timeout + ":\n" + read(err));
      }
      return new Run(command, process.exitValue(), read(out), read(err));
    }

    private static String read(Path file) throws IOException {
      return Files.readString(file);
    }

    @Override
    public String toString() {
      return String.join(" ", command)
          + " -> exit "
          + exitCode
          + "\n--- stdout ---\n"
          + out
          + "--- stderr ---\n"
          + err;
    }
  }
}
