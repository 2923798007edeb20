package dev.steward.cli.run;

/** A run ended without running its pipeline: its target was busy, or the run failed outright. */
public final class PipelineRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PipelineRefusedException(String message) {
    super(message);
  }
}
