package dev.steward.worker.systemd;

/** A systemd tool failed or answered something Steward cannot use; the message is one line. */
public final class SystemdException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SystemdException(String message) {
    super(message);
  }
}
