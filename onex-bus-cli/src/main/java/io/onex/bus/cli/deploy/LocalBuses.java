package io.onex.bus.cli.deploy;

import io.onex.bus.broker.BrokerStartException;
import io.onex.bus.broker.registration.RegisteredBus;
import io.onex.bus.cli.CliException;
import io.onex.bus.cli.OnexCommand;
import io.onex.bus.client.RegistryClient;
import io.onex.bus.config.BusConfig;
import io.onex.bus.config.RegistryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The buses this process runs, each on a port leased from the registry and registered there;
 * stopped in reverse order. Main thread.
 */
public final class LocalBuses implements AutoCloseable {
  /** How often each broker heartbeats the registry with its report. */
  static final Duration HEARTBEAT = Duration.ofSeconds(1);

  private final RegistryClient registry;
  private final List<RegisteredBus> buses;

  private LocalBuses(RegistryClient registry, List<RegisteredBus> buses) {
    this.registry = registry;
    this.buses = buses;
  }

  /** Starts {@code configs} against the registry at {@code registryEndpoint}, all or none. */
  public static LocalBuses start(
      List<BusConfig> configs, String registryEndpoint, RegistryConfig.RetryPolicy retry) {
    RegistryClient registry = RegistryClient.connect(registryEndpoint);
    List<RegisteredBus> started = new ArrayList<>();
    try {
      for (BusConfig bus : configs) {
        started.add(RegisteredBus.start(bus, registry, retry, HEARTBEAT));
      }
    } catch (BrokerStartException e) {
      new LocalBuses(registry, started).close();
      throw new CliException(OnexCommand.EXIT_FAILURE, e.getMessage());
    }
    return new LocalBuses(registry, started);
  }

  /** The running buses, in start order. */
  public List<RegisteredBus> buses() {
    return Collections.unmodifiableList(buses);
  }

  @Override
  public void close() {
    List<RegisteredBus> reversed = new ArrayList<>(buses);
    Collections.reverse(reversed);
    reversed.forEach(RegisteredBus::close);
    registry.close();
  }
}
