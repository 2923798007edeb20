package dev.steward.workflows.update;

import dev.steward.workflows.host.TargetPlan;
import java.util.function.Supplier;

/**
 * What each step of the update pipeline is doing, in words, for the web UI's current details ("9/11
 * verifying health: stable for 10s within 2m"). Reads only the plan: deterministic.
 */
final class StepLabels {
  private final Supplier<TargetPlan> plan;

  StepLabels(Supplier<TargetPlan> plan) {
    this.plan = plan;
  }

  /** The label of step {@code name}; the plan's details are added once the plan is known. */
  String of(String name) {
    TargetPlan p = plan.get();
    return switch (name) {
      case "plan" -> "reading the host's plan";
      case "lock" -> "taking the target's lock";
      case "disk" -> p == null ? "checking disk space" : "checking disk space: " + minFree(p);
      case "revision" -> "recording the current revision";
      case "snapshot" -> p == null ? "taking a snapshot" : "taking a snapshot of " + p.state();
      case "update" -> p == null ? "updating the code" : "updating the code: " + how(p);
      case "patches" -> "re-applying local patches";
      case "restart" -> "restarting the service";
      case "health", "rollback-health" -> prefix(name) + "verifying health" + health(p);
      case "prune" -> "pruning old snapshots";
      case "status" -> "writing the status file";
      case "rollback-stop" -> "rolling back: stopping the service";
      case "rollback-code" -> "rolling back: resetting the code";
      case "rollback-data" -> "rolling back: restoring the snapshot";
      case "rollback-start" -> "rolling back: starting the service";
      default -> name;
    };
  }

  private static String prefix(String name) {
    return name.startsWith("rollback-") ? "rolling back: " : "";
  }

  private static String minFree(TargetPlan p) {
    return "at least " + (p.minFreeBytes() >> 20) + " MiB free";
  }

  private static String how(TargetPlan p) {
    return p.update().usesGit()
        ? "git " + p.update().gitRemote() + "/" + p.update().gitRef()
        : String.join(" ", p.update().command());
  }

  private static String health(TargetPlan p) {
    if (p == null) {
      return "";
    }
    return ": stable for "
        + seconds(p.health().stableForMillis())
        + " within "
        + seconds(p.health().timeoutMillis());
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
