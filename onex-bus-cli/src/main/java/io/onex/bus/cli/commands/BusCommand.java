package io.onex.bus.cli.commands;

import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.cli.deploy.Deployment;
import io.onex.bus.cli.deploy.LocalBuses;
import io.onex.bus.config.BusConfig;
import io.onex.bus.config.OnexConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code onex bus}: one bus broker on its own. */
@Command(
    name = "bus",
    description = "One bus broker.",
    subcommands = {BusCommand.Start.class})
public final class BusCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: start");
  }

  /**
   * {@code onex bus start NAME}: the broker of bus NAME from the config, on a port leased from the
   * registry, until SIGINT or SIGTERM. Main thread.
   */
  @Command(name = "start", description = "Run one bus broker, on a port leased from the registry.")
  public static final class Start implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "the bus, as named in the config")
    String name;

    @Mixin ConfigOption config = new ConfigOption();

    @Option(
        names = "--registry",
        description =
            "registry endpoint tcp://HOST:PORT (default: $ONEX_REGISTRY or the state file)")
    String registry;

    @Option(names = "--home", description = "state directory (default: $ONEX_HOME or ~/.onex)")
    java.nio.file.Path home;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
      OnexConfig cfg = config.load();
      BusConfig bus =
          cfg.bus(name)
              .orElseThrow(
                  () ->
                      new CliException(
                          OnexCommand.EXIT_USAGE,
                          "no bus named '" + name + "' in " + cfg.sourceName()));
      String endpoint = Deployment.registryEndpoint(registry, home);
      LocalBuses buses = LocalBuses.start(List.of(bus), endpoint, cfg.registry().retry());
      PrintWriter out = spec.commandLine().getOut();
      var b = buses.buses().get(0).broker();
      out.printf("bus %-10s %s%n", b.name(), b.endpoint());
      out.println("onex: ready");
      out.flush();
      return UntilStopped.await(buses::close, bus.shutdown().drainTimeout());
    }
  }
}
