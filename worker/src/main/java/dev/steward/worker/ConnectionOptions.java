package dev.steward.worker;

import dev.steward.activities.Secrets;
import dev.steward.worker.config.ConfigException;
import dev.steward.worker.config.TemporalSettings;
import dev.steward.worker.config.TlsSettings;
import io.temporal.envconfig.ClientConfigProfile;
import io.temporal.envconfig.ClientConfigTLS;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/**
 * Turns Steward's connection settings into the SDK's options through temporal-envconfig's own
 * builder, so TLS, mutual TLS, server names and API keys behave exactly as in Temporal's tools. The
 * API key is resolved here, at connect time, and lives only inside the SDK's options.
 */
final class ConnectionOptions {
  private ConnectionOptions() {}

  /**
   * @throws ConfigException when the API key's reference cannot be resolved or the TLS files cannot
   *     be used
   */
  static WorkflowServiceStubsOptions of(TemporalSettings settings, Secrets secrets) {
    ClientConfigProfile.Builder profile =
        ClientConfigProfile.newBuilder()
            .setAddress(settings.address())
            .setNamespace(settings.namespace());
    if (settings.apiKey() != null) {
      profile.setApiKey(apiKey(settings.apiKey(), secrets));
    }
    if (settings.tls() != null) {
      profile.setTls(tls(settings.tls()));
    }
    try {
      return profile.build().toWorkflowServiceStubsOptions();
    } catch (RuntimeException e) {
      throw new ConfigException(
          "temporal.tls: cannot use the certificates ("
              + rootMessage(e)
              + "); they must be PEM files and the key PKCS#8 (openssl pkcs8 -topk8 -nocrypt)");
    }
  }

  /** How the connection is secured, for people: never the key itself. */
  static String describeSecurity(TemporalSettings settings) {
    if (!settings.usesTls()) {
      return "";
    }
    String tls = settings.tls() != null && settings.tls().mutual() ? "mTLS" : "TLS";
    return settings.apiKey() != null ? ", " + tls + ", API key" : ", " + tls;
  }

  private static String apiKey(String reference, Secrets secrets) {
    try {
      return secrets.resolve(reference);
    } catch (ApplicationFailure e) {
      throw new ConfigException(
          "temporal.apiKey: " + e.getOriginalMessage() + " (set it, or fix the reference)");
    }
  }

  private static ClientConfigTLS tls(TlsSettings tls) {
    return ClientConfigTLS.newBuilder()
        .setDisabled(false)
        .setClientCertPath(tls.cert())
        .setClientKeyPath(tls.key())
        .setServerCACertPath(tls.ca())
        .setServerName(tls.serverName())
        .build();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
