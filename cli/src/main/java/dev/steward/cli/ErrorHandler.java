package dev.steward.cli;

import dev.steward.worker.TemporalUnreachableException;
import dev.steward.worker.config.ConfigException;
import dev.steward.worker.schedule.SchedulesUnsupportedException;
import dev.steward.worker.setup.SearchAttributesMissingException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints an error as one line for people (a stack trace only with {@code -v}). */
final class ErrorHandler implements IExecutionExceptionHandler {
  private final Steward steward;

  ErrorHandler(Steward steward) {
    this.steward = steward;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    if (steward.verbose) {
      e.printStackTrace(command.getErr());
    }
    command.getErr().println("steward: " + message(e));
    if (e instanceof ConfigException
        || e instanceof UsageException
        || e instanceof SchedulesUnsupportedException
        || e instanceof SearchAttributesMissingException) {
      return ExitCodes.USAGE;
    }
    if (e instanceof TemporalUnreachableException) {
      return ExitCodes.UNREACHABLE;
    }
    return ExitCodes.ERROR;
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
