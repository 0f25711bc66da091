package io.onex.bus.bench;

import io.onex.bus.broker.Broker;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.PublishOptions;
import io.onex.bus.config.ConfigException;
import io.onex.bus.config.ConfigLoader;

/**
 * onex-bus through its broker hop: a broker on an ephemeral loopback port, a publishing and a
 * subscribing {@link BusClient}, default features on. The bus's queue bound is raised so a burst is
 * measured, not dropped. Harness thread only.
 */
final class OnexSystem implements BenchSystem {
  private static final String TOPIC = "bench.events";
  private final Broker broker;
  private final BusClient publisher;
  private final BusClient subscriber;
  private volatile Completion completion = new Completion(0);

  OnexSystem() throws Exception {
    this("");
  }

  /** With extra YAML lines for the bus entry, e.g. {@code metrics: {enabled: false}}. */
  OnexSystem(String busYaml) throws Exception {
    broker = Broker.start(config(busYaml));
    publisher = client("bench-pub");
    subscriber = client("bench-sub");
    subscriber.subscribe(TOPIC, e -> completion.received()).ready().get();
  }

  private static io.onex.bus.config.BusConfig config(String busYaml) throws ConfigException {
    String yaml =
        "buses:\n  - name: bench\n    host: 127.0.0.1\n    port: 0\n    queue: {size: 10000000}\n"
            + (busYaml.isEmpty() ? "" : "    " + busYaml + "\n");
    return ConfigLoader.parse(yaml, "bench").buses().get(0);
  }

  private BusClient client(String node) {
    return BusClient.connect(
        BusClientOptions.builder().endpoint(broker.endpoint()).nodeId(node).build());
  }

  /** The broker under test. */
  Broker broker() {
    return broker;
  }

  @Override
  public String name() {
    return "onex";
  }

  @Override
  public Measurement oneToOne(int size, int count) {
    return oneToOne(Payloads.of(size), "BENCH", count);
  }

  /** One run with a payload and event type of the caller's (an OnexEvent, say). */
  Measurement oneToOne(byte[] payload, String eventType, int count) {
    Completion c = new Completion(count);
    completion = c;
    long dropsBefore = broker.snapshot().dropped();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      publisher.publishEncodedNoResult(TOPIC, eventType, null, payload, PublishOptions.NONE);
    }
    long received = c.await(2_000_000_000L);
    long lost = count - received;
    if (lost > 0 && broker.snapshot().dropped() > dropsBefore) {
      lost = broker.snapshot().dropped() - dropsBefore;
    }
    return new Measurement(received, c.lastReceiptNanos() - start, lost);
  }

  @Override
  public void close() {
    subscriber.close();
    publisher.close();
    broker.close();
  }
}
