package dev.steward.worker.init;

import java.util.List;
import java.util.Map;

/**
 * What {@code steward init} writes for one target: the values of its {@code steward.yaml} entry and
 * a comment for each section saying where a value came from.
 *
 * @param name the target's name
 * @param checkout the git work tree of the service's code
 * @param state the service's data directory
 * @param service how it is run
 * @param snapshot where snapshots go and the commands that make and restore them (none: built-in)
 * @param update how its code moves
 * @param health how Steward tells it is healthy
 * @param log the log the error-rate metric reads, or null
 * @param providerStatus the model provider's Statuspage {@code status.json}, or null
 * @param notes comment lines per section name ({@code service}, {@code health}, …)
 */
public record TargetDraft(
    String name,
    String checkout,
    String state,
    Service service,
    Snapshot snapshot,
    Update update,
    Health health,
    String log,
    String providerStatus,
    Map<String, List<String>> notes) {

  /** Nightly at 03:00 local time, with up to this much random delay (the guide's timer). */
  public static final String NIGHTLY_AT = "03:00";

  public static final String NIGHTLY_JITTER = "10m";

  /** The heartbeat, left to the environment: the ping URL is a secret. */
  public static final String HEARTBEAT = "env:HEALTHCHECKS_URL";

  /**
   * @param manager process, systemd or systemd-user
   * @param unit the unit, for the systemd managers
   * @param start the command, for the process manager
   */
  public record Service(String manager, String unit, List<String> start) {}

  /**
   * @param dir where snapshots go
   * @param exportCommand writes a snapshot to {@code {file}}; empty for the built-in archive
   * @param importCommand restores one from {@code {file}}; empty for the built-in archive
   */
  public record Snapshot(String dir, List<String> exportCommand, List<String> importCommand) {}

  /**
   * @param gitRef the remote branch a git update follows (with origin), or null
   * @param command the update command, when not git
   * @param then commands run after the code moved, and again after a rollback reset it
   */
  public record Update(String gitRef, List<String> command, List<List<String>> then) {}

  /**
   * @param http a URL that answers 2xx when healthy, or null
   * @param command a command that exits 0 when healthy; empty when none
   * @param stableFor how long it must stay healthy, as written in steward.yaml
   * @param timeout how long it may take, as written in steward.yaml
   */
  public record Health(String http, List<String> command, String stableFor, String timeout) {}
}
