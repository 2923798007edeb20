package dev.steward.workflows.host;

/**
 * The one-line summaries the Temporal web UI shows for activities that are not steps of a pipeline
 * (a step's summary is on its {@code Step}). Built from names only, never from a command line or a
 * URL: those may carry tokens, and summaries are stored in history. Pure functions: deterministic.
 */
public final class Summaries {
  private Summaries() {}

  public static String unlock(String target) {
    return "Unlock " + target;
  }

  /** The update pipeline's evidence, collected when health failed (not a step of its own). */
  public static String evidence(TargetPlan plan) {
    return "Collect the recent output of " + plan.target();
  }

  public static String measure(TargetPlan plan) {
    return "Measure " + plan.target();
  }

  public static String heartbeat(TargetPlan plan, boolean up) {
    return "Ping the heartbeat of " + plan.target() + " (" + (up ? "up" : "down") + ")";
  }

  /** Names the channel's type only: its URL or token may be a secret. */
  public static String notify(String severity, String channelType) {
    return "Send a " + severity + " notice by " + channelType;
  }
}
