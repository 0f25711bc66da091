package io.onex.bus.cli.commands;

import io.onex.bus.broker.registration.RegisteredBus;
import io.onex.bus.cli.deploy.LocalBuses;
import io.onex.bus.cli.deploy.LocalRegistry;
import io.onex.bus.cli.deploy.OnexHome;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.BusConnectException;
import io.onex.bus.config.BusConfig;
import io.onex.bus.config.OnexConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
  private static final Logger LOG = LoggerFactory.getLogger(UpCommand.class);

  @Mixin ConfigOption config = new ConfigOption();

  @Option(names = "--home", description = "state directory (default: $ONEX_HOME or ~/.onex)")
  Path home;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    OnexConfig cfg = config.load();
    OnexHome onexHome = OnexHome.resolve(home, cfg.home());
    LocalRegistry registry = LocalRegistry.start(cfg, onexHome);
    LocalBuses buses;
    try {
      buses = LocalBuses.start(cfg.buses(), registry.endpoint(), cfg.registry().retry());
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    BusClient events = eventsBus(cfg, buses);
    if (events != null) {
      registry.publisher().attach(events);
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
          if (events != null) {
            events.close();
          }
          buses.close();
          registry.close();
        },
        Duration.ofMillis(drain));
  }

  /** A client on the bus that carries registry events: {@code control}, else the first bus. */
  private static BusClient eventsBus(OnexConfig cfg, LocalBuses buses) {
    String name = cfg.bus("control").map(BusConfig::name).orElse(cfg.buses().get(0).name());
    for (RegisteredBus b : buses.buses()) {
      if (b.broker().name().equals(name)) {
        try {
          return BusClient.connect(
              BusClientOptions.builder()
                  .endpoint(b.broker().endpoint())
                  .nodeId("registry")
                  .build());
        } catch (BusConnectException e) {
          LOG.warn("registry events will only be logged: {}", e.getMessage());
          return null;
        }
      }
    }
    return null;
  }
}
