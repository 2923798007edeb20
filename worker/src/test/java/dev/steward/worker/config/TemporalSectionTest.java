package dev.steward.worker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code temporal:} section and Temporal's standard environment: TLS, API keys, profiles. */
class TemporalSectionTest {
  @TempDir java.nio.file.Path tmp;
  private ConfigFixture fx;

  @BeforeEach
  void layOutHost() throws Exception {
    fx = new ConfigFixture(tmp);
  }

  @Test
  void reads_mutual_tls_and_an_api_key_reference_with_paths_relative_to_the_file()
      throws Exception {
    Files.writeString(fx.root.resolve("client.pem"), "cert");
    Files.writeString(fx.root.resolve("client.key"), "key");
    TemporalSettings settings =
        fx.load(
                "temporal:\n  address: ns.tmprl.cloud:7233\n  namespace: ns.acct\n"
                    + "  apiKey: env:STEWARD_TEMPORAL_KEY\n"
                    + "  tls: {cert: client.pem, key: client.key, serverName: ns.tmprl.cloud}\n"
                    + ConfigFixture.MINIMAL)
            .temporal();

    assertEquals("env:STEWARD_TEMPORAL_KEY", settings.apiKey());
    assertEquals(fx.root.resolve("client.pem").toString(), settings.tls().cert());
    assertEquals("ns.tmprl.cloud", settings.tls().serverName());
    assertTrue(settings.tls().mutual());
  }

  @Test
  void takes_tls_and_the_api_key_from_temporals_environment_without_showing_the_key()
      throws Exception {
    fx.env =
        Map.of(
            "TEMPORAL_ADDRESS", "10.0.0.5:7233",
            "TEMPORAL_API_KEY", "secret-123",
            "TEMPORAL_TLS_CLIENT_CERT_PATH", "/etc/steward/client.pem",
            "TEMPORAL_TLS_CLIENT_KEY_PATH", "/etc/steward/client.key");

    TemporalSettings settings = fx.load(ConfigFixture.MINIMAL).temporal();

    assertEquals("10.0.0.5:7233", settings.address());
    assertEquals("env:TEMPORAL_API_KEY", settings.apiKey());
    assertEquals("/etc/steward/client.pem", settings.tls().cert());
    assertFalse(settings.toString().contains("secret-123"), settings.toString());
  }

  @Test
  void tls_true_means_the_systems_certificate_authorities() throws Exception {
    TemporalSettings settings =
        fx.load("temporal:\n  address: a:7233\n  tls: true\n" + ConfigFixture.MINIMAL).temporal();
    assertEquals(TlsSettings.SYSTEM_DEFAULTS, settings.tls());
  }

  @Test
  void waits_ten_seconds_for_the_server_unless_connect_timeout_says_otherwise() throws Exception {
    assertEquals(
        java.time.Duration.ofSeconds(10),
        fx.load("temporal:\n  address: a:7233\n" + ConfigFixture.MINIMAL)
            .temporal()
            .connectTimeout());
    assertEquals(
        java.time.Duration.ofMinutes(1),
        fx.load("temporal:\n  address: a:7233\n  connectTimeout: 1m\n" + ConfigFixture.MINIMAL)
            .temporal()
            .connectTimeout());
    assertTrue(
        fx.error("temporal:\n  address: a:7233\n  connectTimeout: soon\n" + ConfigFixture.MINIMAL)
            .startsWith("steward.yaml:3: temporal.connectTimeout: "));
  }

  @Test
  void refuses_an_api_key_written_into_the_file() throws Exception {
    assertEquals(
        "steward.yaml:3: temporal.apiKey: is not a secret reference"
            + " (keep the key out of the file: write env:NAME or file:/path/to/key)",
        fx.error("temporal:\n  address: a:7233\n  apiKey: abc123\n" + ConfigFixture.MINIMAL));
  }

  @Test
  void refuses_a_client_certificate_without_its_key() throws Exception {
    Files.writeString(fx.root.resolve("client.pem"), "cert");
    assertEquals(
        "steward.yaml:3: temporal.tls: has cert but no key"
            + " (give both the client certificate and its key, or neither)",
        fx.error(
            "temporal:\n  address: a:7233\n  tls:\n    cert: client.pem\n"
                + ConfigFixture.MINIMAL));
  }

  @Test
  void names_a_certificate_file_that_does_not_exist() throws Exception {
    String message =
        fx.error("temporal:\n  address: a:7233\n  tls: {ca: ca.pem}\n" + ConfigFixture.MINIMAL);
    assertTrue(message.startsWith("steward.yaml:3: temporal.tls.ca: "), message);
    assertTrue(
        message.endsWith("ca.pem does not exist (put the PEM file there, or fix the path)"),
        message);
  }

  @Test
  void refuses_an_unknown_tls_key_and_a_tls_value_that_is_not_true_or_false() throws Exception {
    assertEquals(
        "steward.yaml:3: temporal.tls.cretificate: unknown key (known keys here: cert, key, ca, serverName)",
        fx.error(
            "temporal:\n  address: a:7233\n  tls: {cretificate: x}\n" + ConfigFixture.MINIMAL));
    assertTrue(
        fx.error("temporal:\n  address: a:7233\n  tls: yes please\n" + ConfigFixture.MINIMAL)
            .contains("temporal.tls: \"yes please\" is neither true, false nor a mapping"));
  }

  @Test
  void names_a_temporal_profile_that_does_not_exist() throws Exception {
    fx.env = Map.of("TEMPORAL_PROFILE", "prod");
    ConfigException e = assertThrows(ConfigException.class, () -> fx.load(ConfigFixture.MINIMAL));
    assertTrue(e.getMessage().startsWith("Temporal profile \"prod\": "), e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                "(check TEMPORAL_PROFILE and TEMPORAL_CONFIG_FILE, or set temporal: in steward.yaml)"),
        e.getMessage());
  }
}
