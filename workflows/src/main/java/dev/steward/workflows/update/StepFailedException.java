package dev.steward.workflows.update;

/** A pipeline step failed; the workflow catches it to compensate, it never escapes a run. */
final class StepFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String step;
  private final String type;

  StepFailedException(String step, String type, String message) {
    super(message, null, false, false);
    this.step = step;
    this.type = type;
  }

  String step() {
    return step;
  }

  String type() {
    return type;
  }
}
