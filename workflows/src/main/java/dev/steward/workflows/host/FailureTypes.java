package dev.steward.workflows.host;

/**
 * The fixed set of {@code ApplicationFailure} types that Steward's activities throw for permanent
 * errors. A workflow decides what to do from the type; the message is for people.
 */
public final class FailureTypes {
  /** The target's configuration is missing or invalid on the host. */
  public static final String CONFIG_INVALID = "ConfigInvalid";

  /** Another pipeline holds the target's lock. */
  public static final String TARGET_BUSY = "TargetBusy";

  /** The disk has less free space than the plan requires. */
  public static final String DISK_LOW = "DiskLow";

  /** A command exited non-zero or timed out. */
  public static final String COMMAND_FAILED = "CommandFailed";

  /** A git operation failed. */
  public static final String GIT_FAILED = "GitFailed";

  /** A snapshot could not be made, verified or restored. */
  public static final String SNAPSHOT_FAILED = "SnapshotFailed";

  /** A patch's verification did not pass after applying it. */
  public static final String PATCH_FAILED = "PatchFailed";

  /** The service could not be started or stopped. */
  public static final String SERVICE_FAILED = "ServiceFailed";

  /** The service did not stay healthy for the required time within the timeout. */
  public static final String UNHEALTHY = "Unhealthy";

  /**
   * The host refused an activity's input: it is not what the host's own steward.yaml names (a
   * changed config, or a caller other than Steward's own workflows).
   */
  public static final String PLAN_REFUSED = "PlanRefused";

  private FailureTypes() {}
}
