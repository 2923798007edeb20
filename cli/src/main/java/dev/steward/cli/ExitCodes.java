package dev.steward.cli;

import dev.steward.worker.TemporalUnreachableException;
import dev.steward.worker.config.ConfigException;
import dev.steward.worker.init.InitException;
import dev.steward.worker.schedule.SchedulesUnsupportedException;
import dev.steward.worker.setup.SearchAttributesMissingException;
import dev.steward.workflows.fleet.FleetRolloutResult;
import dev.steward.workflows.recovery.RecoveryResult;
import dev.steward.workflows.update.UpdateResult;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/**
 * Steward's exit codes: a contract with scripts, listed in {@code steward --help}. The one place
 * that decides them: from a run's result ({@code of}), and from an exception ({@link #MAPPER}, set
 * on the command line, which picocli asks for wrong options and for errors a command throws).
 */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int ERROR = 1;
  public static final int USAGE = 2;
  public static final int ROLLED_BACK = 3;
  public static final int UNHEALTHY = 4;
  public static final int UNREACHABLE = 5;
  public static final int HELD = 6;
  public static final int FINDINGS = 7;

  /** The exit code of an exception; the message is printed elsewhere ({@link ErrorHandler}). */
  static final IExitCodeExceptionMapper MAPPER = ExitCodes::of;

  private ExitCodes() {}

  /** The exit code of an error: a wrong call or configuration, no server, or anything else. */
  static int of(Throwable e) {
    if (e instanceof ParameterException
        || e instanceof ConfigException
        || e instanceof UsageException
        || e instanceof InitException
        || e instanceof SchedulesUnsupportedException
        || e instanceof SearchAttributesMissingException) {
      return USAGE;
    }
    if (e instanceof TemporalUnreachableException) {
      return UNREACHABLE;
    }
    return ERROR;
  }

  /** The exit code of an update run. */
  public static int of(UpdateResult result) {
    return switch (result.outcome()) {
      case UPDATED, UNCHANGED, SKIPPED -> OK;
      case ROLLED_BACK -> ROLLED_BACK;
      case HELD -> HELD;
      default -> result.rolledBack() ? UNHEALTHY : ERROR;
    };
  }

  /**
   * The exit code of a rollout: 0 when every host was updated, 3 when it stopped short or reverted
   * with every host healthy (partial, halted, reverted), 4 when some host is left not healthy.
   */
  public static int of(FleetRolloutResult result) {
    return switch (result.outcome()) {
      case UPDATED -> OK;
      case PARTIAL, HALTED, REVERTED -> ROLLED_BACK;
      case FAILED -> UNHEALTHY;
    };
  }

  /** The exit code of a recovery: 0 when the target ends healthy, 4 when it does not. */
  public static int of(RecoveryResult result) {
    return result.healthy() ? OK : UNHEALTHY;
  }
}
