package dev.steward.worker.config;

import java.util.Map;

/**
 * Where the Temporal server is. The file's {@code temporal:} section wins; {@code TEMPORAL_ADDRESS}
 * and {@code TEMPORAL_NAMESPACE} fill in what it leaves out.
 *
 * @param address {@code host:port} of the server, or null when Steward runs its embedded server
 * @param namespace the namespace, {@code default} unless set
 */
public record TemporalSettings(String address, String namespace) {
  /** The namespace used when neither the file nor the environment names one. */
  public static final String DEFAULT_NAMESPACE = "default";

  /** Whether no address is configured anywhere, so Steward runs its own server in this process. */
  public boolean embedded() {
    return address == null;
  }

  /** Settings from the environment alone, for commands that run without a config file. */
  public static TemporalSettings fromEnvironment(Map<String, String> env) {
    return merge(null, null, env);
  }

  /** The file's values, each filled in from the environment when the file lacks it. */
  static TemporalSettings merge(String fileAddress, String fileNamespace, Map<String, String> env) {
    String address = fileAddress != null ? fileAddress : blankToNull(env.get("TEMPORAL_ADDRESS"));
    String namespace =
        fileNamespace != null ? fileNamespace : blankToNull(env.get("TEMPORAL_NAMESPACE"));
    return new TemporalSettings(address, namespace != null ? namespace : DEFAULT_NAMESPACE);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
