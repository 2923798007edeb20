package dev.steward.worker.config;

import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.ClientConfigTLS;
import io.temporal.envconfig.LoadClientConfigProfileOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code temporal:} section and fills its gaps from Temporal's standard environment and
 * profile file, through temporal-envconfig, so that Steward connects where the {@code temporal} CLI
 * does.
 */
final class TemporalSection {
  private static final Pattern ADDRESS =
      Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[^\\s:/\\[\\]]+):(\\d{1,5})");
  private static final String TLS_EXAMPLE = "tls: {cert: client.pem, key: client.key, ca: ca.pem}";

  private TemporalSection() {}

  static TemporalSettings read(ConfigNode node, Map<String, String> env, ConfigPaths paths) {
    TemporalSettings fromEnv = fromEnvironment(env);
    if (!node.present()) {
      return fromEnv;
    }
    ConfigMap temporal =
        node.map("address: 127.0.0.1:7233")
            .allowOnly("address", "namespace", "apiKey", "tls", "connectTimeout");
    String address = temporal.has("address") ? address(temporal.get("address")) : fromEnv.address();
    String namespace =
        temporal.has("namespace")
            ? temporal.get("namespace").text("namespace: default").trim()
            : fromEnv.namespace();
    String apiKey = temporal.has("apiKey") ? apiKey(temporal.get("apiKey")) : fromEnv.apiKey();
    TlsSettings tls = temporal.has("tls") ? tls(temporal.get("tls"), paths) : fromEnv.tls();
    Duration connectTimeout =
        Duration.ofMillis(
            Values.durationOr(
                temporal,
                "connectTimeout",
                TemporalSettings.DEFAULT_CONNECT_TIMEOUT.toMillis(),
                1_000));
    return new TemporalSettings(address, namespace, apiKey, tls, connectTimeout);
  }

  /** The settings Temporal's environment and profile file give, checked. */
  static TemporalSettings fromEnvironment(Map<String, String> env) {
    ClientConfigProfile profile = profile(env);
    String address = blankToNull(profile.getAddress());
    if (address != null && !isHostAndPort(address)) {
      throw new ConfigException(
          "TEMPORAL_ADDRESS: "
              + ConfigNode.quote(address)
              + " is not host:port (try 127.0.0.1:7233)");
    }
    String namespace = blankToNull(profile.getNamespace());
    String apiKey = blankToNull(profile.getApiKey());
    if (apiKey != null && apiKey.equals(env.get("TEMPORAL_API_KEY"))) {
      apiKey = "env:TEMPORAL_API_KEY";
    }
    return new TemporalSettings(
        address,
        namespace != null ? namespace : TemporalSettings.DEFAULT_NAMESPACE,
        apiKey,
        tls(profile.getTls()));
  }

  private static ClientConfigProfile profile(Map<String, String> env) {
    try {
      return ClientConfigProfile.load(
          LoadClientConfigProfileOptions.newBuilder()
              .setEnvOverrides(env)
              .setDisableFile(noProfileFile(env))
              .build());
    } catch (IOException | RuntimeException e) {
      String profile = env.getOrDefault("TEMPORAL_PROFILE", "default");
      throw new ConfigException(
          "Temporal profile "
              + ConfigNode.quote(profile)
              + ": "
              + e.getMessage()
              + " (check TEMPORAL_PROFILE and TEMPORAL_CONFIG_FILE, or set temporal: in steward.yaml)");
    }
  }

  /**
   * Whether there is no profile file to read, and no profile asked for (which must then be reported
   * missing). temporal-envconfig would give the same settings reading nothing, but it sets up
   * Jackson's TOML reader first: a third of a second of every command's start. The path is the one
   * it reads on Linux: $TEMPORAL_CONFIG_FILE, else ~/.config/temporalio/temporal.toml.
   */
  private static boolean noProfileFile(Map<String, String> env) {
    if (!blank(env.get("TEMPORAL_PROFILE"))
        || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return false;
    }
    String file = env.get("TEMPORAL_CONFIG_FILE");
    Path path =
        blank(file)
            ? Path.of(System.getProperty("user.home"), ".config", "temporalio", "temporal.toml")
            : Path.of(file);
    return !Files.exists(path);
  }

  private static boolean blank(String value) {
    return value == null || value.isEmpty();
  }

  private static TlsSettings tls(ClientConfigTLS tls) {
    if (tls == null || Boolean.TRUE.equals(tls.isDisabled())) {
      return null;
    }
    if (tls.getClientCertData() != null || tls.getServerCACertData() != null) {
      throw new ConfigException(
          "TEMPORAL_TLS_*_DATA: certificates given inline are not supported"
              + " (use TEMPORAL_TLS_CLIENT_CERT_PATH, _KEY_PATH and _SERVER_CA_CERT_PATH)");
    }
    return new TlsSettings(
        blankToNull(tls.getClientCertPath()),
        blankToNull(tls.getClientKeyPath()),
        blankToNull(tls.getServerCACertPath()),
        blankToNull(tls.getServerName()));
  }

  private static String address(ConfigNode node) {
    String address = node.text("address: 127.0.0.1:7233").trim();
    if (!isHostAndPort(address)) {
      throw node.error(ConfigNode.quote(address) + " is not host:port", "try 127.0.0.1:7233");
    }
    return address;
  }

  /** An API key is a secret: only a reference to it may be written in the file. */
  private static String apiKey(ConfigNode node) {
    String value = node.text("apiKey: env:TEMPORAL_API_KEY").trim();
    if (!value.startsWith("env:") && !value.startsWith("file:")) {
      throw node.error(
          "is not a secret reference",
          "keep the key out of the file: write env:NAME or file:/path/to/key");
    }
    if (value.length() <= value.indexOf(':') + 1) {
      throw node.error(ConfigNode.quote(value) + " names nothing", "e.g. env:TEMPORAL_API_KEY");
    }
    return value;
  }

  private static TlsSettings tls(ConfigNode node, ConfigPaths paths) {
    String text = node.scalar();
    if (text != null) {
      return switch (text.trim()) {
        case "true" -> TlsSettings.SYSTEM_DEFAULTS;
        case "false" -> null;
        default ->
            throw node.error(
                ConfigNode.quote(text) + " is neither true, false nor a mapping",
                "e.g. " + TLS_EXAMPLE);
      };
    }
    ConfigMap tls = node.map(TLS_EXAMPLE).allowOnly("cert", "key", "ca", "serverName");
    if (tls.has("cert") != tls.has("key")) {
      throw node.keyError(
          "has " + (tls.has("cert") ? "cert but no key" : "key but no cert"),
          "give both the client certificate and its key, or neither");
    }
    return new TlsSettings(
        file(tls, "cert", paths),
        file(tls, "key", paths),
        file(tls, "ca", paths),
        tls.has("serverName")
            ? tls.get("serverName").text("serverName: temporal.example").trim()
            : null);
  }

  private static String file(ConfigMap tls, String key, ConfigPaths paths) {
    if (!tls.has(key)) {
      return null;
    }
    ConfigNode node = tls.get(key);
    Path path = paths.resolve(node, key + ": /etc/steward/tls/" + key + ".pem");
    if (!Files.isRegularFile(path)) {
      throw node.error(path + " does not exist", "put the PEM file there, or fix the path");
    }
    if (!Files.isReadable(path)) {
      throw node.error(path + " is not readable", "let the user running steward read it");
    }
    return path.toString();
  }

  static boolean isHostAndPort(String address) {
    Matcher m = ADDRESS.matcher(address);
    return m.matches()
        && Integer.parseInt(m.group(2)) >= 1
        && Integer.parseInt(m.group(2)) <= 65535;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
