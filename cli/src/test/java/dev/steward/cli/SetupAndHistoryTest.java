package dev.steward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.LoopbackTemporalServer;
import dev.steward.worker.TestCertificates;
import dev.steward.worker.config.ConfigFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code steward setup} and {@code steward history} against Temporal's test server on a loopback
 * port, and without a server. The test server can add search attributes but can neither list them
 * nor list runs by query; both commands say so instead of failing obscurely. What they do on a real
 * server (the attributes found the second time, update and recovery runs listed with their
 * outcomes) is tested by {@link RealServerCommandsTest}.
 */
class SetupAndHistoryTest {
  @TempDir Path tmp;

  @Test
  void setup_on_the_test_server_registers_and_says_it_cannot_confirm_them() throws Exception {
    try (LoopbackTemporalServer server = LoopbackTemporalServer.start()) {
      Path config = config("temporal: {address: \"" + server.address() + "\"}\n");

      CliRun run = CliRun.of("-c", config.toString(), "setup");

      assertEquals(0, run.exitCode(), run.toString());
      assertTrue(run.out().contains("namespace default: exists"), run.toString());
      assertTrue(
          run.out()
              .contains(
                  "StewardTarget, StewardHost, StewardOutcome, StewardKind, StewardFleet registered (this"
                      + " server cannot list search attributes to confirm it)"),
          run.toString());
    }
  }

  @Test
  void setup_connects_over_mutual_tls_with_an_api_key_configured_in_the_file() throws Exception {
    TestCertificates certs = TestCertificates.create(tmp.resolve("pki"));
    Path key = Files.writeString(tmp.resolve("api-key"), "k-123\n");
    try (LoopbackTemporalServer server = LoopbackTemporalServer.startWithTls(certs, "k-123")) {
      Path config =
          config(
              "temporal:\n  address: \""
                  + server.address()
                  + "\"\n  apiKey: file:"
                  + key
                  + "\n  tls: {cert: pki/client.pem, key: pki/client.key, ca: pki/ca.pem,"
                  + " serverName: temporal.test}\n");

      CliRun run = CliRun.of("-c", config.toString(), "setup");

      assertEquals(0, run.exitCode(), run.toString());
      assertTrue(run.out().contains("mTLS, API key"), run.toString());
      assertTrue(run.out().contains("registered"), run.toString());
    }
  }

  @Test
  void history_says_in_one_line_that_the_test_server_cannot_list_runs() throws Exception {
    try (LoopbackTemporalServer server = LoopbackTemporalServer.start()) {
      Path config = config("temporal: {address: \"" + server.address() + "\"}\n");

      CliRun run = CliRun.of("-c", config.toString(), "history", "demo");

      assertEquals(2, run.exitCode(), run.toString());
      assertTrue(run.err().contains("cannot list runs by query"), run.toString());
      assertEquals(1, run.err().lines().count(), run.toString());
    }
  }

  @Test
  void without_a_server_setup_and_history_explain_what_the_embedded_one_cannot_do()
      throws Exception {
    Path config = config("");

    CliRun setup = CliRun.of("-c", config.toString(), "setup");
    CliRun history = CliRun.of("-c", config.toString(), "history", "demo");

    assertEquals(2, setup.exitCode(), setup.toString());
    assertTrue(setup.err().contains("nothing to set up"), setup.toString());
    assertEquals(2, history.exitCode(), history.toString());
    assertTrue(
        history.err().contains("embedded in-memory server keeps nothing"), history.toString());
  }

  private Path config(String temporal) throws Exception {
    return new ConfigFixture(tmp).write(temporal + ConfigFixture.MINIMAL);
  }
}
