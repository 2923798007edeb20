package dev.steward.cli;

/** The command was called wrongly in a way picocli cannot see (an unknown target, say). */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
