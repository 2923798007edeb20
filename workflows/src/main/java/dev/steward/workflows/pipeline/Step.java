package dev.steward.workflows.pipeline;

import static dev.steward.workflows.host.Revisions.short7;
import static dev.steward.workflows.pipeline.Pipeline.RECOVERY;
import static dev.steward.workflows.pipeline.Pipeline.RESTORE;
import static dev.steward.workflows.pipeline.Pipeline.UPDATE;

import dev.steward.workflows.host.TargetPlan;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every step of every pipeline, in one place: its wire name (in results, histories, metrics and the
 * CLI's output), the main paths it counts in, its label for the web UI's current details ("9/12
 * verifying health: stable for 10s within 2m") and the summary its activity shows in history.
 * Labels and summaries are pure functions of the plan (deterministic), built from names, units,
 * revisions and sizes only: never from a command line or a URL, which may carry a token. Adding a
 * step is one line here plus its stage method.
 */
public enum Step {
  PLAN(
      "plan",
      Set.of(UPDATE, RECOVERY),
      p -> "reading the host's plan",
      (p, target) -> "Read the plan of " + target),
  LOCK(
      "lock", Set.of(UPDATE, RECOVERY), p -> "taking the target's lock", p -> "Lock " + p.target()),
  HOLD("hold", Set.of(UPDATE), null, p -> "Read the update hold of " + p.target()),
  /**
   * Looks for something to apply before the disk check and the snapshot; planned only where the
   * plan can tell (a git update, or a command with {@code update.check}).
   */
  CHECK(
      "check",
      Set.of(UPDATE),
      p -> "looking for something new to apply",
      p ->
          "Look for new code of "
              + p.target()
              + (p.update().usesGit()
                  ? " (git " + p.update().gitRemote() + "/" + p.update().gitRef() + ")"
                  : " (check command)")),
  /** Puts updates on hold after a run that left the service broken; shown as {@code hold}. */
  PUT_HOLD("hold", Set.of(), null, p -> "Put updates of " + p.target() + " on hold"),
  WINDOW("window", Set.of(), null),
  /** Waits for a person to approve the restart, when the target asks for one. */
  APPROVAL("approval", Set.of(), null),
  DISK(
      "disk",
      Set.of(UPDATE),
      p ->
          "checking disk space"
              + (p == null ? "" : ": at least " + (p.minFreeBytes() >> 20) + " MiB free"),
      p -> "Check free disk for " + p.target() + " (at least " + mib(p.minFreeBytes()) + ")"),
  REVISION(
      "revision",
      Set.of(UPDATE),
      p -> "recording the current revision",
      p -> "Read the code revision of " + p.target()),
  SNAPSHOT(
      "snapshot",
      Set.of(UPDATE),
      p -> p == null ? "taking a snapshot" : "taking a snapshot of " + p.state(),
      p -> "Snapshot " + p.target() + " state"),
  UPDATE_CODE(
      "update",
      Set.of(UPDATE),
      p -> p == null ? "updating the code" : "updating the code: " + how(p),
      Step::updateSummary),
  PATCHES("patches", Set.of(UPDATE), p -> "re-applying local patches", Step::patchesSummary),
  RESTART(
      "restart",
      Set.of(UPDATE, RECOVERY),
      p -> "restarting the service",
      p -> "Restart " + p.target() + " (" + service(p) + ")"),
  HEALTH("health", Set.of(UPDATE, RECOVERY), Step::healthLabel, Step::healthSummary),
  PRUNE(
      "prune",
      Set.of(UPDATE),
      p -> "pruning old snapshots",
      p -> "Prune old snapshots of " + p.target() + " (keep " + p.snapshot().keep() + ")"),
  STATUS(
      "status",
      Set.of(UPDATE),
      p -> "writing the status file",
      p -> "Write the status file of " + p.target()),
  CONFIRM("confirm", Set.of(RECOVERY), null, p -> "Probe " + p.target()),
  PROVIDER(
      "provider",
      Set.of(RECOVERY),
      null,
      p -> "Check the model provider's status page for " + p.target()),
  EVIDENCE(
      "evidence", Set.of(RECOVERY), null, p -> "Gather the logs of " + p.target() + " as evidence"),
  /** Recovery's first rung: the last known good release, its code with the data as it is. */
  LAST_GOOD("last-good", Set.of(), null, p -> "Read the last known good release of " + p.target()),
  /** Its summary's detail is the last known good revision. */
  GOOD_CODE(
      "good-code",
      Set.of(),
      p -> "back to the last known good release: resetting the code",
      (p, revision) -> "Reset " + p.target() + " code to the last known good " + short7(revision)),
  GOOD_RESTART(
      "good-restart",
      Set.of(),
      p -> "back to the last known good release: restarting the service",
      p -> "Restart " + p.target() + " (" + service(p) + ")"),
  GOOD_HEALTH(
      "good-health",
      Set.of(),
      p -> "back to the last known good release: " + healthLabel(p),
      Step::healthSummary),
  /** Recovery's second rung starts here; a manual restore names its snapshot. */
  FIND_SNAPSHOT(
      "find-snapshot",
      Set.of(RECOVERY, RESTORE),
      null,
      (p, name) ->
          name == null
              ? "Find the newest verified snapshot of " + p.target()
              : "Find snapshot " + name + " of " + p.target()),
  ROLLBACK_STOP(
      "rollback-stop",
      Set.of(RESTORE),
      p -> "rolling back: stopping the service",
      p -> "Stop " + p.target() + " (" + service(p) + ")"),
  /** A snapshot of the state as the restore finds it, so the restore destroys no only copy. */
  ROLLBACK_PRE_RESTORE(
      "pre-restore",
      Set.of(RESTORE),
      p -> "rolling back: keeping a copy of the state as it is",
      p -> "Snapshot " + p.target() + " state before the restore"),
  /** Its summary's detail is the revision the code goes back to. */
  ROLLBACK_CODE(
      "rollback-code",
      Set.of(RESTORE),
      p -> "rolling back: resetting the code",
      (p, revision) -> "Roll " + p.target() + " code back to " + short7(revision)),
  /** Its summary's detail is the snapshot's file. */
  ROLLBACK_DATA(
      "rollback-data",
      Set.of(RESTORE),
      p -> "rolling back: restoring the snapshot",
      (p, file) -> "Restore " + p.target() + " state from " + fileName(file)),
  ROLLBACK_START(
      "rollback-start",
      Set.of(RESTORE),
      p -> "rolling back: starting the service",
      p -> "Restart " + p.target() + " (" + service(p) + ")"),
  ROLLBACK_HEALTH(
      "rollback-health",
      Set.of(RESTORE),
      p -> "rolling back: " + healthLabel(p),
      Step::healthSummary),
  /** After a health check passed: the revision becomes the last known good release. */
  MARK_GOOD(
      "good-release",
      Set.of(RESTORE),
      null,
      p -> "Record the last known good release of " + p.target());

  private final String wire;
  private final Set<Pipeline> countsIn;
  private final Function<TargetPlan, String> label;
  private final BiFunction<TargetPlan, String, String> summary;

  /** A step that runs no activity of its own. */
  Step(String wire, Set<Pipeline> countsIn, Function<TargetPlan, String> label) {
    this(wire, countsIn, label, (BiFunction<TargetPlan, String, String>) null);
  }

  Step(
      String wire,
      Set<Pipeline> countsIn,
      Function<TargetPlan, String> label,
      Function<TargetPlan, String> summary) {
    this(wire, countsIn, label, (p, detail) -> summary.apply(p));
  }

  Step(
      String wire,
      Set<Pipeline> countsIn,
      Function<TargetPlan, String> label,
      BiFunction<TargetPlan, String, String> summary) {
    this.wire = wire;
    this.countsIn = countsIn.isEmpty() ? EnumSet.noneOf(Pipeline.class) : EnumSet.copyOf(countsIn);
    this.label = label;
    this.summary = summary;
  }

  /** The step's name in results, histories, metrics and the CLI's output. */
  public String wire() {
    return wire;
  }

  /** Whether the step is one of {@code pipeline}'s planned steps. */
  public boolean countsIn(Pipeline pipeline) {
    return countsIn.contains(pipeline);
  }

  /** Whether a run of {@code plan} (null until it is read) plans this step. */
  public boolean plannedFor(TargetPlan plan) {
    return this != CHECK || plan == null || plan.update() == null || plan.update().canCheck();
  }

  /** Whether the step waits for the service to be healthy (it shows the wait's progress). */
  public boolean checksHealth() {
    return this == HEALTH || this == GOOD_HEALTH || this == ROLLBACK_HEALTH;
  }

  /** Whether the step belongs to a rollback. */
  public boolean rollsBack() {
    return name().startsWith("ROLLBACK_");
  }

  /** The words before a health wait's progress in the current details ("rolling back: "). */
  public String phase() {
    if (rollsBack()) {
      return "rolling back: ";
    }
    return this == GOOD_CODE || this == GOOD_RESTART || this == GOOD_HEALTH
        ? "back to the last known good release: "
        : "";
  }

  /** What the step is doing, for the current details; the plan's details once it is known. */
  public String label(TargetPlan plan) {
    return label == null ? wire : label.apply(plan);
  }

  /** The summary of the step's activity. */
  public String summary(TargetPlan plan) {
    return summary(plan, null);
  }

  /**
   * The summary of the step's activity, naming {@code detail}: the target for {@link #PLAN} (no
   * plan yet), the revision for {@link #ROLLBACK_CODE}, the snapshot's file for {@link
   * #ROLLBACK_DATA}.
   */
  public String summary(TargetPlan plan, String detail) {
    if (summary == null) {
      throw new IllegalStateException("step " + wire + " runs no activity");
    }
    return summary.apply(plan, detail);
  }

  /** The summary of one activity that runs {@code steps}: theirs, in order. */
  public static String summaryOf(List<Step> steps, TargetPlan plan) {
    return steps.stream().map(step -> step.summary(plan)).collect(Collectors.joining("; "));
  }

  private static String healthLabel(TargetPlan p) {
    return "verifying health"
        + (p == null
            ? ""
            : ": stable for "
                + seconds(p.health().stableForMillis())
                + " within "
                + seconds(p.health().timeoutMillis()));
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  /** Names git's remote and ref; a command stays unnamed, as its arguments may hold a token. */
  private static String updateSummary(TargetPlan p) {
    TargetPlan.UpdatePlan update = p.update();
    String how =
        update.usesGit() ? "git " + update.gitRemote() + "/" + update.gitRef() : "update command";
    return "Update " + p.target() + " code (" + how + ")";
  }

  private static String patchesSummary(TargetPlan p) {
    int count = p.patches().size();
    return "Re-apply " + count + " local patch" + (count == 1 ? "" : "es") + " to " + p.target();
  }

  private static String healthSummary(TargetPlan p) {
    long stable = p.health() == null ? 10_000 : p.health().stableForMillis();
    return "Verify " + p.target() + " health (" + summarySeconds(stable) + " stable)";
  }

  /** The update's label may name the command: labels are not stored in history. */
  private static String how(TargetPlan p) {
    return p.update().usesGit()
        ? "git " + p.update().gitRemote() + "/" + p.update().gitRef()
        : String.join(" ", p.update().command());
  }

  /** The manager and the unit: "systemd-user hermes.service", or "process". */
  private static String service(TargetPlan p) {
    TargetPlan.ServicePlan service = p.service();
    if (service == null) {
      return "service";
    }
    String manager = String.valueOf(service.manager());
    return service.unit() == null ? manager : manager + " " + service.unit();
  }

  private static String mib(long bytes) {
    return (bytes >> 20) + " MiB";
  }

  private static String summarySeconds(long millis) {
    return millis % 1000 == 0
        ? millis / 1000 + " s"
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static String fileName(String path) {
    return path == null ? "?" : path.substring(path.lastIndexOf('/') + 1);
  }
}
