package dev.steward.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints an error as one line for people (a stack trace only with {@code -v}); its exit code is the
 * command line's {@link CommandLine.IExitCodeExceptionMapper} ({@link ExitCodes#MAPPER}).
 */
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
    return command.getExitCodeExceptionMapper().getExitCode(e);
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
