package dev.steward.activities.service;

/**
 * Starts, stops and watches one target's service: a detached process, or a systemd unit. Errors are
 * {@code ApplicationFailure}s of type {@code ServiceFailed} with a one-line message.
 */
public interface ServiceManager {

  /** Starts the service. */
  void start();

  /** Stops the service; does nothing when it is not running. */
  void stop();

  /** Stops the service if it runs, then starts it. */
  default void restart() {
    stop();
    start();
  }

  /** Whether the service is running, and which incarnation of it. */
  ServiceStatus status();

  /** Whether the service is running. */
  default boolean isRunning() {
    return status().running();
  }

  /** The last {@code lines} lines of the service's output, for people. */
  String evidence(int lines);
}
