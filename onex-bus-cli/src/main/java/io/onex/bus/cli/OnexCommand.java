package io.onex.bus.cli;

import io.onex.bus.cli.commands.BenchCommand;
import io.onex.bus.cli.commands.BusCommand;
import io.onex.bus.cli.commands.BusesCommand;
import io.onex.bus.cli.commands.DebugCommand;
import io.onex.bus.cli.commands.DescribeCommand;
import io.onex.bus.cli.commands.EventMonitorCommand;
import io.onex.bus.cli.commands.NodesCommand;
import io.onex.bus.cli.commands.PortsCommand;
import io.onex.bus.cli.commands.PublishCommand;
import io.onex.bus.cli.commands.RegistryCommand;
import io.onex.bus.cli.commands.SchemaCommand;
import io.onex.bus.cli.commands.SubscribeCommand;
import io.onex.bus.cli.commands.TopicsCommand;
import io.onex.bus.cli.commands.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of the {@code onex} command line. Exit codes: 0 success, 1 runtime failure, 2 bad usage
 * or bad config, 3 timeout. Runs on the main thread.
 */
@Command(
    name = "onex",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "onex-bus: the ZeroMQ event bus for ONEX nodes.",
    subcommands = {
      UpCommand.class,
      PublishCommand.class,
      SubscribeCommand.class,
      EventMonitorCommand.class,
      BusesCommand.class,
      NodesCommand.class,
      PortsCommand.class,
      TopicsCommand.class,
      DescribeCommand.class,
      RegistryCommand.class,
      SchemaCommand.class,
      BusCommand.class,
      DebugCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class OnexCommand implements Runnable {
  /** Exit code for a runtime failure. */
  public static final int EXIT_FAILURE = 1;

  /** Exit code for bad usage or bad configuration. */
  public static final int EXIT_USAGE = 2;

  /** Exit code for a timeout. */
  public static final int EXIT_TIMEOUT = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code (tests call this in-process). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new OnexCommand());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    return cl.execute(args);
  }
}
