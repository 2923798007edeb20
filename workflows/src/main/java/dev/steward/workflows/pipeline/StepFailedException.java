package dev.steward.workflows.pipeline;

/** A pipeline step failed; the workflow catches it to compensate, it never escapes a run. */
public final class StepFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Step step;
  private final String type;

  public StepFailedException(Step step, String type, String message) {
    super(message, null, false, false);
    this.step = step;
    this.type = type;
  }

  public Step step() {
    return step;
  }

  public String type() {
    return type;
  }
}
