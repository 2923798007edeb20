package dev.steward.worker.schedule;

/** The Temporal server has no Schedules API: the in-memory one, embedded or standalone. */
public final class SchedulesUnsupportedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SchedulesUnsupportedException(String message) {
    super(message);
  }
}
