package dev.steward.workflows.host;

import java.util.Locale;

/**
 * The one-line summaries the Temporal web UI shows for each scheduled activity ("Restart hermes
 * (systemd-user hermes.service)"). Built from names, units, revisions and sizes only, never from a
 * command line or a URL: those may carry tokens, and summaries are stored in history. Pure
 * functions of the plan: deterministic.
 */
public final class Summaries {
  private Summaries() {}

  public static String plan(String target) {
    return "Read the plan of " + target;
  }

  public static String lock(String target) {
    return "Lock " + target;
  }

  public static String unlock(String target) {
    return "Unlock " + target;
  }

  public static String readHold(TargetPlan plan) {
    return "Read the update hold of " + plan.target();
  }

  public static String putHold(TargetPlan plan) {
    return "Put updates of " + plan.target() + " on hold";
  }

  public static String disk(TargetPlan plan) {
    return "Check free disk for " + plan.target() + " (at least " + mib(plan.minFreeBytes()) + ")";
  }

  public static String revision(TargetPlan plan) {
    return "Read the code revision of " + plan.target();
  }

  public static String snapshot(TargetPlan plan) {
    return "Snapshot " + plan.target() + " state";
  }

  /** Names git's remote and ref; a command stays unnamed, as its arguments may hold a token. */
  public static String update(TargetPlan plan) {
    TargetPlan.UpdatePlan update = plan.update();
    String how =
        update.usesGit() ? "git " + update.gitRemote() + "/" + update.gitRef() : "update command";
    return "Update " + plan.target() + " code (" + how + ")";
  }

  public static String patches(TargetPlan plan) {
    int count = plan.patches().size();
    return "Re-apply " + count + " local patch" + (count == 1 ? "" : "es") + " to " + plan.target();
  }

  public static String restart(TargetPlan plan) {
    return "Restart " + plan.target() + " (" + service(plan) + ")";
  }

  public static String stop(TargetPlan plan) {
    return "Stop " + plan.target() + " (" + service(plan) + ")";
  }

  public static String health(TargetPlan plan) {
    long stable = plan.health() == null ? 10_000 : plan.health().stableForMillis();
    return "Verify " + plan.target() + " health (" + seconds(stable) + " stable)";
  }

  public static String evidence(TargetPlan plan) {
    return "Collect the recent output of " + plan.target();
  }

  public static String prune(TargetPlan plan) {
    return "Prune old snapshots of " + plan.target() + " (keep " + plan.snapshot().keep() + ")";
  }

  public static String status(TargetPlan plan) {
    return "Write the status file of " + plan.target();
  }

  public static String rollBackCode(TargetPlan plan, String revision) {
    return "Roll " + plan.target() + " code back to " + short7(revision);
  }

  public static String restore(TargetPlan plan, SnapshotInfo snapshot) {
    return "Restore " + plan.target() + " state from " + fileName(snapshot.file());
  }

  public static String findSnapshot(TargetPlan plan) {
    return "Find the newest verified snapshot of " + plan.target();
  }

  public static String probe(TargetPlan plan) {
    return "Probe " + plan.target();
  }

  public static String provider(TargetPlan plan) {
    return "Check the model provider's status page for " + plan.target();
  }

  public static String gatherEvidence(TargetPlan plan) {
    return "Gather the logs of " + plan.target() + " as evidence";
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

  /** The manager and the unit: "systemd-user hermes.service", or "process". */
  private static String service(TargetPlan plan) {
    TargetPlan.ServicePlan service = plan.service();
    if (service == null) {
      return "service";
    }
    return service.unit() == null ? service.manager() : service.manager() + " " + service.unit();
  }

  private static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0
        ? millis / 1000 + " s"
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static String fileName(String path) {
    return path == null ? "?" : path.substring(path.lastIndexOf('/') + 1);
  }

  private static String short7(String revision) {
    return revision == null || revision.length() < 7
        ? String.valueOf(revision)
        : revision.substring(0, 7);
  }
}
