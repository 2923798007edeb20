package dev.steward.worker.config;

import java.time.Duration;
import java.util.Map;

/**
 * Where the Temporal server is and how to reach it. The file's {@code temporal:} section wins, key
 * by key; Temporal's standard environment ({@code TEMPORAL_ADDRESS}, {@code TEMPORAL_NAMESPACE},
 * {@code TEMPORAL_API_KEY}, {@code TEMPORAL_TLS_*}, {@code TEMPORAL_PROFILE} and its config file,
 * read by temporal-envconfig) fills in what the file leaves out.
 *
 * @param address {@code host:port} of the server, or null when Steward runs its embedded server
 * @param namespace the namespace, {@code default} unless set
 * @param apiKey a secret reference ({@code env:NAME}, {@code file:PATH}) to an API key, or null;
 *     when it comes from a Temporal profile file it is the key itself, so it is never printed
 * @param tls TLS settings, or null for a plain-text connection (TLS is still used with an API key)
 * @param connectTimeout how long a command waits for the server to answer before it reports it
 *     unreachable
 */
public record TemporalSettings(
    String address, String namespace, String apiKey, TlsSettings tls, Duration connectTimeout) {
  /** The namespace used when neither the file nor the environment names one. */
  public static final String DEFAULT_NAMESPACE = "default";

  /**
   * Long enough for a busy small VPS to answer (a JVM's first gRPC call there can take seconds),
   * short enough that a server that is down is reported while the user still waits.
   */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** A plain-text connection without an API key. */
  public TemporalSettings(String address, String namespace) {
    this(address, namespace, null, null);
  }

  /** With the default connect timeout. */
  public TemporalSettings(String address, String namespace, String apiKey, TlsSettings tls) {
    this(address, namespace, apiKey, tls, DEFAULT_CONNECT_TIMEOUT);
  }

  /** Whether no address is configured anywhere, so Steward runs its own server in this process. */
  public boolean embedded() {
    return address == null;
  }

  /** Whether the connection is encrypted: TLS is configured, or an API key needs it. */
  public boolean usesTls() {
    return tls != null || apiKey != null;
  }

  /** Settings from the environment alone, for commands that run without a config file. */
  public static TemporalSettings fromEnvironment(Map<String, String> env) {
    return TemporalSection.fromEnvironment(env);
  }

  /** Never shows an API key, even one written into a Temporal profile file. */
  @Override
  public String toString() {
    return "TemporalSettings[address="
        + address
        + ", namespace="
        + namespace
        + ", apiKey="
        + (apiKey == null
            ? "none"
            : apiKey.startsWith("env:") || apiKey.startsWith("file:") ? apiKey : "<from profile>")
        + ", tls="
        + tls
        + ", connectTimeout="
        + connectTimeout
        + "]";
  }
}
