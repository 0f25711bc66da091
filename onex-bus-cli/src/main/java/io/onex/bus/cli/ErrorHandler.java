package io.onex.bus.cli;

import picocli.CommandLine;

/**
 * Turns exceptions escaping a command into one clear sentence on stderr and an exit code: {@link
 * CliException} carries its own, anything else is a runtime failure (1). Main thread.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
    String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
    cmd.getErr().println("onex: " + message);
    return ex instanceof CliException c ? c.exitCode() : OnexCommand.EXIT_FAILURE;
  }
}
