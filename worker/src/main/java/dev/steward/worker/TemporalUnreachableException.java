package dev.steward.worker;

/** The configured Temporal server did not answer. */
public final class TemporalUnreachableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TemporalUnreachableException(String message) {
    super(message);
  }
}
