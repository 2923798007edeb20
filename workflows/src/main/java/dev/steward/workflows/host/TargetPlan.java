package dev.steward.workflows.host;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One target's configuration as the host resolved it at the start of a run. It is recorded in the
 * workflow history, so a replay sees the same plan even after the host's config has changed. It
 * never holds a secret: values written as {@code env:NAME} or {@code file:PATH} stay unresolved
 * here and are read by the activity that uses them.
 *
 * @param target the target's name in the config
 * @param host the host whose activity queue runs this target's steps
 * @param checkout the git work tree of the service's code (absolute)
 * @param state the service's data directory (absolute), snapshotted and restored
 * @param service how the service is started, stopped and seen running
 * @param snapshot where snapshots go and how they are made
 * @param minFreeBytes free space the state's filesystem must keep, in bytes
 * @param update how the code is moved to its new version
 * @param patches local patches re-applied after every update, in order
 * @param health how the service is judged healthy
 * @param controls the maintenance window and approval a run must respect
 * @param recovery how the recovery playbook runs (provider status page, log files, waits)
 * @param monitor what the monitor measures and its thresholds
 * @param notifications where notifications go
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TargetPlan(
    String target,
    String host,
    String checkout,
    String state,
    ServicePlan service,
    SnapshotPlan snapshot,
    long minFreeBytes,
    UpdatePlan update,
    List<PatchPlan> patches,
    HealthPlan health,
    ControlPlan controls,
    RecoveryPlan recovery,
    MonitorPlan monitor,
    NotifyPlan notifications) {

  /** A plan with only the update pipeline's settings: the defaults of the others apply. */
  public TargetPlan(
      String target,
      String host,
      String checkout,
      String state,
      ServicePlan service,
      SnapshotPlan snapshot,
      long minFreeBytes,
      UpdatePlan update,
      List<PatchPlan> patches,
      HealthPlan health) {
    this(
        target,
        host,
        checkout,
        state,
        service,
        snapshot,
        minFreeBytes,
        update,
        patches,
        health,
        null,
        null,
        null,
        null);
  }

  /** Fills in the defaults of the sections the config (or an older history) left out. */
  public TargetPlan {
    controls = controls == null ? ControlPlan.NONE : controls;
    recovery = recovery == null ? RecoveryPlan.DEFAULTS : recovery;
    monitor = monitor == null ? MonitorPlan.DEFAULTS : monitor;
    notifications = notifications == null ? NotifyPlan.NONE : notifications;
  }

  /**
   * How the service runs.
   *
   * @param manager what runs the service (null in old plans: the process manager)
   * @param start argv of the service (process manager only)
   * @param workdir working directory of the service (process manager only)
   * @param unit the systemd unit (systemd managers only)
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ServicePlan(ManagerKind manager, List<String> start, String workdir, String unit) {}

  /**
   * Where snapshots of the state directory go.
   *
   * @param dir the snapshot directory (absolute)
   * @param keep how many snapshots pruning keeps
   * @param exclude glob patterns, relative to the state directory, left out of the built-in archive
   * @param exportCommand argv that writes the snapshot to {@code {file}}, or empty for the built-in
   *     archive
   * @param importCommand argv that restores the snapshot from {@code {file}}, or empty
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SnapshotPlan(
      String dir,
      int keep,
      List<String> exclude,
      List<String> exportCommand,
      List<String> importCommand) {

    /** Whether a command of the user's makes and restores snapshots instead of the archive. */
    public boolean usesCommands() {
      return exportCommand != null && !exportCommand.isEmpty();
    }
  }

  /**
   * How the code moves: either git ({@code gitRemote} and {@code gitRef}) or a command.
   *
   * @param gitRemote the remote to fetch, or null when a command updates
   * @param gitRef the branch or tag on that remote to move the work tree to
   * @param command argv run in the checkout, or empty when git updates
   * @param then commands run in the checkout after the code moved (and after a rollback moved it
   *     back)
   * @param timeoutSeconds how long the update and each {@code then} command may take
   * @param cooldownMillis with git, move only to the newest revision that has been on the remote
   *     ref at least this long (by commit time); 0 moves to the newest
   * @param check with a command, argv run in the checkout before anything else that exits 0 when
   *     there is something to apply and 1 when there is nothing; empty runs the update without
   *     asking first
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record UpdatePlan(
      String gitRemote,
      String gitRef,
      List<String> command,
      List<List<String>> then,
      long timeoutSeconds,
      long cooldownMillis,
      List<String> check) {

    /** A plan recorded before {@code check} existed reads as one without it, equal to today's. */
    public UpdatePlan {
      check = check == null ? List.of() : List.copyOf(check);
    }

    /** An update without a check command. */
    public UpdatePlan(
        String gitRemote,
        String gitRef,
        List<String> command,
        List<List<String>> then,
        long timeoutSeconds,
        long cooldownMillis) {
      this(gitRemote, gitRef, command, then, timeoutSeconds, cooldownMillis, List.of());
    }

    /** An update without a cooldown. */
    public UpdatePlan(
        String gitRemote,
        String gitRef,
        List<String> command,
        List<List<String>> then,
        long timeoutSeconds) {
      this(gitRemote, gitRef, command, then, timeoutSeconds, 0);
    }

    /** Whether the update is a git fetch and move, rather than a command. */
    public boolean usesGit() {
      return gitRemote != null;
    }

    /** Whether the pipeline can tell before its snapshot that there is nothing to apply. */
    public boolean canCheck() {
      return usesGit() || !check.isEmpty();
    }
  }

  /**
   * A local patch: a command that changes files in the checkout, and a check that it took.
   *
   * @param name a name for people
   * @param apply argv run in the checkout
   * @param verifyFile a file, relative to the checkout, that must contain {@code verifyContains}
   * @param verifyContains the text the patched file must contain
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PatchPlan(
      String name, List<String> apply, String verifyFile, String verifyContains) {}

  /**
   * How health is judged. The service must be running, and each configured probe must pass.
   *
   * @param http a URL that must answer 2xx, or null
   * @param command argv run in the checkout that must exit 0, or empty
   * @param stableForMillis how long health must hold without a break
   * @param timeoutMillis how long to wait for health to hold that long
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HealthPlan(
      String http, List<String> command, long stableForMillis, long timeoutMillis) {}
}
