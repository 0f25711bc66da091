package io.onex.bus.cli.http;

import io.onex.bus.broker.Broker;
import io.onex.bus.broker.stats.BrokerSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The bus listing served over HTTP, with per-second rates from a sampler thread ({@code
 * onex-http-rates}) that compares snapshots one second apart. Safe from any thread.
 */
final class BusViews implements AutoCloseable {
  private final List<Broker> brokers;
  private final Map<String, BrokerSnapshot> previous = new ConcurrentHashMap<>();
  private final Map<String, double[]> rates = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "onex-http-rates");
            t.setDaemon(true);
            return t;
          });

  BusViews(List<Broker> brokers) {
    this.brokers = List.copyOf(brokers);
  }

  void startSampling() {
    sampler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
  }

  List<Map<String, Object>> all() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Broker b : brokers) {
      out.add(view(b));
    }
    return out;
  }

  Map<String, Object> one(String name) {
    for (Broker b : brokers) {
      if (b.name().equals(name)) {
        return view(b);
      }
    }
    return null;
  }

  private Map<String, Object> view(Broker b) {
    BrokerSnapshot s = b.snapshot();
    var meta = b.config().metadata();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("purpose", meta.purpose());
    metadata.put("qos", meta.qos());
    metadata.put("debug", meta.debug());
    metadata.put("extra", meta.extra());
    double[] r = rates.getOrDefault(b.name(), new double[2]);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", b.name());
    m.put("endpoint", b.endpoint());
    m.put("port", b.port());
    m.put("metadata", metadata);
    m.put("sessions", s.sessions());
    m.put("subscriber_count", s.subscriptions());
    m.put("sequence", s.sequence());
    m.put("events_published", s.published());
    m.put("events_delivered", s.delivered());
    m.put("events_dropped", s.dropped());
    m.put("events_rejected", s.rejected());
    m.put("publish_rate_per_s", r[0]);
    m.put("deliver_rate_per_s", r[1]);
    m.put("config_digest", b.config().digest());
    return m;
  }

  private void sample() {
    for (Broker b : brokers) {
      BrokerSnapshot now = b.snapshot();
      BrokerSnapshot before = previous.put(b.name(), now);
      if (before != null) {
        rates.put(
            b.name(),
            new double[] {
              now.published() - before.published(), now.delivered() - before.delivered()
            });
      }
    }
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
