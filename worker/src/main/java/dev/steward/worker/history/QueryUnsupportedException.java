package dev.steward.worker.history;

/** The server cannot list runs by a visibility query (the in-memory test server cannot). */
public final class QueryUnsupportedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QueryUnsupportedException(String message) {
    super(message);
  }
}
