package io.onex.bus.testing;

import io.onex.bus.broker.Broker;
import io.onex.bus.broker.registration.RegisteredBus;
import io.onex.bus.client.RegistryClient;
import io.onex.bus.config.BusConfig;
import io.onex.bus.config.ConfigException;
import io.onex.bus.config.ConfigLoader;
import io.onex.bus.config.RegistryConfig;
import java.time.Duration;

/**
 * Real brokers for tests, bound to {@code tcp://127.0.0.1:*} (the port is read back, never guessed
 * beforehand). Any thread.
 */
public final class TestBuses {
  private TestBuses() {}

  /** A broker for bus {@code name} with the default settings on an ephemeral port. */
  public static Broker start(String name) {
    return Broker.start(config(name, ""));
  }

  /**
   * A broker whose bus entry gets extra YAML lines (indented under the bus), e.g. {@code "limits:
   * {max_frame_bytes: 4096}"}.
   */
  public static Broker start(String name, String busYaml) {
    return Broker.start(config(name, busYaml));
  }

  /**
   * A broker for bus {@code name} living in the registry {@code registry} talks to: it leases an
   * ephemeral port, registers its bus and heartbeats every 100 ms, so the registry sees changes
   * quickly. {@code busYaml} as for {@link #start(String, String)}.
   */
  public static RegisteredBus registered(String name, String busYaml, RegistryClient registry) {
    return RegisteredBus.start(
        config(name, "port: 0\n" + busYaml),
        registry,
        RegistryConfig.DEFAULT.retry(),
        Duration.ofMillis(100));
  }

  /** The bus config such a broker runs with. */
  public static BusConfig config(String name, String busYaml) {
    StringBuilder yaml = new StringBuilder("buses:\n  - name: ").append(name).append('\n');
    if (!busYaml.contains("port:") && !busYaml.contains("endpoint:")) {
      yaml.append("    host: 127.0.0.1\n    port: 0\n");
    }
    for (String line : busYaml.split("\n")) {
      if (!line.isBlank()) {
        yaml.append("    ").append(line).append('\n');
      }
    }
    try {
      return ConfigLoader.parse(yaml.toString(), "test config").buses().get(0);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
