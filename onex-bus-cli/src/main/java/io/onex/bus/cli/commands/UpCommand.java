package io.onex.bus.cli.commands;

import io.onex.bus.broker.Broker;
import io.onex.bus.broker.registration.RegisteredBus;
import io.onex.bus.cli.deploy.BusMetricsSource;
import io.onex.bus.cli.deploy.LocalBuses;
import io.onex.bus.cli.deploy.LocalRegistry;
import io.onex.bus.cli.deploy.OnexHome;
import io.onex.bus.cli.deploy.ProcessScheduling;
import io.onex.bus.config.BusConfig;
import io.onex.bus.config.OnexConfig;
import io.onex.bus.observability.metrics.ProcessMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code onex up}: validates the config, starts the registry (store under the home) and its HTTP
 * API, then every configured bus on a port leased from it, prints the endpoints and {@code onex:
 * ready}, and runs until SIGINT or SIGTERM, when it stops the buses (BUS_STOPPED, queues flushed,
 * leases released), then the registry, and exits 0. The registry's events are published on the
 * {@code control} bus (or the first bus). Runs on the main thread.
 */
@Command(name = "up", description = "Run the registry, the configured buses and the HTTP API.")
public final class UpCommand implements Callable<Integer> {
  @Mixin ConfigOption config = new ConfigOption();

  @Option(names = "--home", description = "state directory (default: $ONEX_HOME or ~/.onex)")
  Path home;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    OnexConfig cfg = config.load();
    ProcessScheduling.applyFromEnvironment();
    OnexHome onexHome = OnexHome.resolve(home, cfg.home());
    ProcessMetrics metrics = new ProcessMetrics();
    LocalRegistry registry = LocalRegistry.start(cfg, onexHome, metrics);
    LocalBuses buses;
    try {
      buses = LocalBuses.start(cfg.buses(), registry.endpoint(), cfg.registry().retry());
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    registry.publisher().attach(eventsBus(cfg, buses));
    for (RegisteredBus b : buses.buses()) {
      BusMetricsSource.expose(metrics, b.broker());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("registry %s%n", registry.endpoint());
    for (RegisteredBus b : buses.buses()) {
      out.printf("bus %-10s %s%n", b.broker().name(), b.broker().endpoint());
    }
    out.printf("http %s%n", registry.httpUrl());
    out.println("onex: ready");
    out.flush();
    long drain = cfg.buses().stream().mapToLong(b -> b.shutdown().drainTimeout().toMillis()).sum();
    return UntilStopped.await(
        () -> {
          registry.publisher().detach();
          buses.close();
          registry.close();
        },
        Duration.ofMillis(drain));
  }

  /** The bus that carries registry events: {@code control}, else the first bus. */
  private static Broker eventsBus(OnexConfig cfg, LocalBuses buses) {
    String name = cfg.bus("control").map(BusConfig::name).orElse(cfg.buses().get(0).name());
    return buses.buses().stream()
        .map(RegisteredBus::broker)
        .filter(b -> b.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
