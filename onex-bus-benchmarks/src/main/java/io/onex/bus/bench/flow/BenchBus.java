package io.onex.bus.bench.flow;

import io.onex.bus.broker.Broker;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.config.BusConfig;
import io.onex.bus.config.ConfigException;
import io.onex.bus.config.ConfigLoader;
import java.nio.charset.StandardCharsets;

/**
 * A broker in this JVM on an ephemeral loopback port, its bus queue bound raised to 10M so that a
 * subscription which does not ask for a bound of its own never drops a burst; and clients of it.
 * Harness thread only.
 */
final class BenchBus implements AutoCloseable {
  static final String BUS = "bench";

  /** The broker loop thread's name ({@code Broker} names it after the bus). */
  static final String LOOP_THREAD = "onex-broker-" + BUS;

  /** Longer than the broker's stats tick (100 ms), after which its snapshot is current. */
  static final long SNAPSHOT_SETTLE_NANOS = 150_000_000L;

  final Broker broker;

  BenchBus() throws ConfigException {
    String yaml =
        "buses:\n  - name: "
            + BUS
            + "\n    host: 127.0.0.1\n    port: 0\n    queue: {size: 10000000}\n";
    BusConfig config = ConfigLoader.parse(yaml, "bench").buses().get(0);
    broker = Broker.start(config);
  }

  BusClient client(String nodeId) {
    return BusClient.connect(
        BusClientOptions.builder().endpoint(broker.endpoint()).nodeId(nodeId).build());
  }

  /** A JSON object payload ({@code {"p":"xxx"}}) of exactly {@code size} bytes, size >= 8. */
  static byte[] payload(int size) {
    return ("{\"p\":\"" + "x".repeat(size - 8) + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    broker.close();
  }
}
