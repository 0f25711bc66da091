package io.onex.bus.cli.commands;

import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.cli.deploy.BusMetricsSource;
import io.onex.bus.cli.deploy.Deployment;
import io.onex.bus.cli.deploy.LocalBuses;
import io.onex.bus.cli.deploy.MetricsHttp;
import io.onex.bus.cli.deploy.ProcessScheduling;
import io.onex.bus.config.BusConfig;
import io.onex.bus.config.OnexConfig;
import io.onex.bus.observability.metrics.ProcessMetrics;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  private static final Logger LOG = LoggerFactory.getLogger(BusCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: start");
  }

  /**
   * {@code onex bus start NAME}: the broker of bus NAME from the config, on a port leased from the
   * registry, until SIGINT or SIGTERM; its metrics at {@code GET /metrics} on an ephemeral port of
   * the HTTP host, printed as {@code http URL}. Main thread.
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
      ProcessScheduling.applyFromEnvironment();
      BusConfig bus =
          cfg.bus(name)
              .orElseThrow(
                  () ->
                      new CliException(
                          OnexCommand.EXIT_USAGE,
                          "no bus named '" + name + "' in " + cfg.sourceName()));
      String endpoint = Deployment.registryEndpoint(registry, home);
      LocalBuses buses = LocalBuses.start(List.of(bus), endpoint, cfg.registry().retry());
      var b = buses.buses().get(0).broker();
      ProcessMetrics metrics = new ProcessMetrics();
      BusMetricsSource.expose(metrics, b);
      MetricsHttp http;
      try {
        // Any free port: several bus processes share a host, and the registry holds http.port.
        http = MetricsHttp.start(cfg.http().host(), 0, metrics);
      } catch (RuntimeException e) {
        buses.close();
        throw new CliException(
            OnexCommand.EXIT_FAILURE, "cannot start the metrics endpoint: " + e.getMessage());
      }
      LOG.info("bus {} serves metrics at {}/metrics", b.name(), http.url());
      PrintWriter out = spec.commandLine().getOut();
      out.printf("bus %-10s %s%n", b.name(), b.endpoint());
      out.printf("http %s%n", http.url());
      out.println("onex: ready");
      out.flush();
      return UntilStopped.await(
          () -> {
            buses.close();
            http.close();
          },
          bus.shutdown().drainTimeout());
    }
  }
}
