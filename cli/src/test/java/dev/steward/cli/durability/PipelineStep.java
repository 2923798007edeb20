package dev.steward.cli.durability;

/**
 * A step of one of Steward's pipelines and the activity call that performs it: the N-th call of an
 * activity type in a run. The matrix, its waves and its report see steps only through this.
 */
interface PipelineStep {
  /** The step's name, as the run's step log shows it. */
  String label();

  /** The activity type that performs it. */
  String activity();

  /** Which call of {@link #activity()} in a run it is (1 for the first). */
  int occurrence();

  /** The pipeline it belongs to, as its workflow ids begin: {@code update} or {@code recover}. */
  String pipeline();

  /**
   * When a kill wave starts this step's runs, 0 first: the slowest to reach their fault first, the
   * quickest last, so that no run is held long at a quick step (start-to-close 10 s, no heartbeat),
   * whose timeout would retry it meanwhile.
   */
  int startGroup();

  /** The fault hook's spec for this step: {@code KIND@ActivityType#N}. */
  default String at(String kind) {
    return kind + "@" + activity() + "#" + occurrence();
  }

  /** The step's row in the report. */
  default String row() {
    return pipeline().equals("update") ? label() : pipeline() + ": " + label();
  }
}
