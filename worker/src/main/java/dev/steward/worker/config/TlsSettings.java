package dev.steward.worker.config;

/**
 * TLS for the connection to Temporal: server verification, and mutual TLS when a client certificate
 * is given (as Temporal Cloud and most self-hosted clusters require).
 *
 * @param cert the client certificate (PEM), or null for TLS without a client certificate
 * @param key the client certificate's private key (PEM, PKCS#8), set exactly when {@code cert} is
 * @param ca the CA certificate (PEM) that signed the server's, or null for the system's CAs
 * @param serverName the name to expect in the server's certificate when it differs from the
 *     address's host, or null
 */
public record TlsSettings(String cert, String key, String ca, String serverName) {
  /** TLS with the system's CAs and no client certificate. */
  public static final TlsSettings SYSTEM_DEFAULTS = new TlsSettings(null, null, null, null);

  /** Whether a client certificate is presented (mutual TLS). */
  public boolean mutual() {
    return cert != null;
  }
}
