package dev.steward.worker.setup;

/**
 * The server refused to start a run because its namespace does not know Steward's search
 * attributes: a namespace nobody ran {@code steward setup} on.
 */
public final class SearchAttributesMissingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param namespace the namespace the run was refused in
   * @param serverSays the server's own words, for the details
   */
  public SearchAttributesMissingException(String namespace, String serverSays) {
    super(
        "namespace "
            + namespace
            + " does not know Steward's search attributes ("
            + serverSays
            + "); run steward setup");
  }
}
