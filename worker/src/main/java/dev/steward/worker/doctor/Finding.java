package dev.steward.worker.doctor;

/**
 * One line of {@code steward doctor}: what was checked, how it stands, and what to do about it.
 *
 * @param verdict ok, a warning, a failure, or unknown (the server cannot tell)
 * @param subject what was checked
 * @param detail what was found, and for anything but ok, what to do
 */
public record Finding(Verdict verdict, String subject, String detail) {
  /** How a check came out. */
  public enum Verdict {
    OK("ok"),
    WARN("WARN"),
    FAIL("FAIL"),
    UNKNOWN("?");

    private final String label;

    Verdict(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  static Finding ok(String subject, String detail) {
    return new Finding(Verdict.OK, subject, detail);
  }

  static Finding warn(String subject, String detail) {
    return new Finding(Verdict.WARN, subject, detail);
  }

  static Finding fail(String subject, String detail) {
    return new Finding(Verdict.FAIL, subject, detail);
  }

  static Finding unknown(String subject, String detail) {
    return new Finding(Verdict.UNKNOWN, subject, detail);
  }

  /** The line people read: {@code WARN snapshots of demo: 3% free — …}. */
  public String line() {
    return String.format("%-5s %s: %s", verdict.label(), subject, detail);
  }
}
