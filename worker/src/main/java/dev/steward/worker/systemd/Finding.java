package dev.steward.worker.systemd;

/**
 * Something wrong with a unit, and how to fix it.
 *
 * @param problem what is wrong and what it does to the service
 * @param fix what to change
 */
public record Finding(String problem, String fix) {
  /** One line for people: {@code problem; fix}. */
  public String line() {
    return problem + "; " + fix;
  }
}
