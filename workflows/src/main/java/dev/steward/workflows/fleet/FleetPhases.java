package dev.steward.workflows.fleet;

/** The phases {@link FleetRolloutStatus#phase()} names. */
final class FleetPhases {
  static final String PLANNING = "planning";
  static final String RUNNING = "running";
  static final String PAUSED = "paused";
  static final String AWAITING_APPROVAL = "awaiting-approval";
  static final String BAKING = "baking";
  static final String REVERTING = "reverting";
  static final String DONE = "done";

  private FleetPhases() {}
}
