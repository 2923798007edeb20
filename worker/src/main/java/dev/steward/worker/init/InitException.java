package dev.steward.worker.init;

/** {@code steward init} cannot write a config that works: one line saying what to pass. */
public final class InitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InitException(String message) {
    super(message);
  }
}
