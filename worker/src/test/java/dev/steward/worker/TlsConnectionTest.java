package dev.steward.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.steward.worker.config.TemporalSettings;
import dev.steward.worker.config.TlsSettings;
import dev.steward.worker.setup.SearchAttributeSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steward's connection over mutual TLS with an API key, against Temporal's test server behind TLS
 * on a loopback port, with certificates made by openssl for this test. The server requires a client
 * certificate and the API key on every call, like Temporal Cloud.
 */
class TlsConnectionTest {
  private static final String API_KEY = "test-api-key-7f3a";

  @TempDir static Path tmp;
  private static TestCertificates certs;
  private static LoopbackTemporalServer server;
  private static Path keyFile;

  @BeforeAll
  static void startServerBehindTls() throws Exception {
    certs = TestCertificates.create(tmp.resolve("pki"));
    server = LoopbackTemporalServer.startWithTls(certs, API_KEY);
    keyFile = Files.writeString(tmp.resolve("api-key"), API_KEY + "\n");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void connects_with_client_certificate_server_name_and_api_key_and_registers_attributes() {
    TemporalSettings settings =
        settings(mutualTls(TestCertificates.SERVER_NAME), "file:" + keyFile);

    try (TemporalConnection connection = TemporalConnection.connect(settings)) {
      assertEquals(
          SearchAttributeSetup.names(), new SearchAttributeSetup(connection.client()).register());
      assertTrue(connection.description().contains("mTLS, API key"), connection.description());
      assertTrue(!connection.description().contains(API_KEY), "the key is never shown");
    }
  }

  @Test
  void is_unreachable_without_the_client_certificate() {
    TlsSettings serverOnly =
        new TlsSettings(null, null, certs.ca().toString(), TestCertificates.SERVER_NAME);

    TemporalUnreachableException e =
        assertThrows(
            TemporalUnreachableException.class,
            () -> TemporalConnection.connect(settings(serverOnly, "file:" + keyFile)).close());

    assertTrue(e.getMessage().contains("check the address and TLS settings"), e.getMessage());
  }

  @Test
  void refuses_a_server_whose_certificate_names_another_host() {
    assertThrows(
        TemporalUnreachableException.class,
        () -> TemporalConnection.connect(settings(mutualTls(null), "file:" + keyFile)).close());
  }

  @Test
  void is_refused_without_the_api_key() {
    TemporalSettings noKey = settings(mutualTls(TestCertificates.SERVER_NAME), null);

    assertThrows(
        TemporalUnreachableException.class, () -> TemporalConnection.connect(noKey).close());
  }

  private static TlsSettings mutualTls(String serverName) {
    return new TlsSettings(
        certs.clientCert().toString(),
        certs.clientKey().toString(),
        certs.ca().toString(),
        serverName);
  }

  private static TemporalSettings settings(TlsSettings tls, String apiKey) {
    return new TemporalSettings(server.address(), "default", apiKey, tls);
  }
}
