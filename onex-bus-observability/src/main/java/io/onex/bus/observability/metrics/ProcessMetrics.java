package io.onex.bus.observability.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The Prometheus metrics of one onex process: per bus ({@code onex_bus_*}, label {@code bus}) and
 * per topic ({@code onex_bus_topic_*}, labels {@code bus} and {@code topic}), the registry's
 * ({@code onex_registry_*}) and the JVM's. Values are read at scrape time from the suppliers given
 * (brokers' immutable snapshots), so the hot path pays nothing. Metric names are listed in
 * docs/operations.md. Any thread; buses may be added while scrapes run.
 */
public final class ProcessMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Map<String, Supplier<BusStats>> buses = new ConcurrentSkipListMap<>();
  private final Map<String, Supplier<List<TopicStats>>> topics = new ConcurrentSkipListMap<>();
  private volatile Supplier<RegistryStats> registryStats;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  /** Registers the bus, registry and JVM metrics. */
  public ProcessMetrics() {
    counter("onex_bus_events_published", "Events routed by the bus", BusStats::published);
    counter("onex_bus_events_delivered", "Deliveries written to connections", BusStats::delivered);
    counter("onex_bus_events_dropped", "Deliveries dropped by full queues", BusStats::dropped);
    counter("onex_bus_events_rejected", "Inputs refused with an ERROR", BusStats::rejected);
    counter(
        "onex_bus_events_policy_denied",
        "Deliveries the bus policy withheld",
        BusStats::policyDenied);
    counter(
        "onex_bus_events_invalid_schema",
        "Events that failed their schema check (EVENT_INVALID_SCHEMA), rejected or flagged",
        BusStats::schemaInvalid);
    counter(
        "onex_bus_events_flagged_invalid",
        "Events delivered flagged as invalid (permissive schema mode)",
        BusStats::schemaFlagged);
    counter("onex_bus_bytes_in", "Bytes of frames received", BusStats::bytesIn);
    CounterWithCallback.builder()
        .name("onex_bus_events_emitted")
        .help("Bus events the broker published on its system topics, by type")
        .labelNames("bus", "event")
        .callback(
            cb ->
                buses.forEach(
                    (bus, s) -> s.get().busEvents().forEach((type, n) -> cb.call(n, bus, type))))
        .register(registry);
    gauge("onex_bus_sessions", "Open sessions", BusStats::sessions);
    gauge("onex_bus_subscriptions", "Open subscriptions", BusStats::subscriptions);
    gauge(
        "onex_bus_queued_events", "Events waiting in subscription queues", BusStats::queuedEvents);
    gauge("onex_bus_queued_bytes", "Bytes waiting in subscription queues", BusStats::queuedBytes);
    gauge(
        "onex_bus_pinned_frame_bytes",
        "Bytes of PUBLISH frames that queued events point into instead of holding copies",
        BusStats::pinnedBytes);
    topicCounter(
        "onex_bus_topic_events_published", "Events routed, per topic", TopicStats::published);
    topicCounter(
        "onex_bus_topic_events_delivered",
        "Deliveries handed to connections, per topic",
        TopicStats::delivered);
    topicCounter(
        "onex_bus_topic_events_dropped",
        "Deliveries dropped by full queues, per topic",
        TopicStats::dropped);
    topicCounter(
        "onex_bus_topic_events_rejected",
        "Events refused with an ERROR, per topic",
        TopicStats::rejected);
    topicCounter("onex_bus_topic_bytes", "Bytes of routed events, per topic", TopicStats::bytes);
    registryGauge(
        "onex_registry_leases_active", "Leases holding a port", RegistryStats::activeLeases);
    registryGauge("onex_registry_buses", "Registered buses", RegistryStats::buses);
    GaugeWithCallback.builder()
        .name("onex_registry_nodes")
        .help("Registered nodes by status")
        .labelNames("status")
        .callback(
            cb -> {
              RegistryStats r = registryStats == null ? null : registryStats.get();
              if (r != null) {
                cb.call(r.nodesOnline(), "online");
                cb.call(r.nodesOffline(), "offline");
              }
            })
        .register(registry);
    CounterWithCallback.builder()
        .name("onex_registry_events")
        .help("Registry events emitted (leases, nodes, retries, schemas), by type")
        .labelNames("event")
        .callback(
            cb -> {
              RegistryStats r = registryStats == null ? null : registryStats.get();
              if (r != null) {
                r.events().forEach((type, n) -> cb.call(n, type));
              }
            })
        .register(registry);
    JvmMetrics.builder().register(registry);
  }

  /** Exposes bus {@code name}, read from {@code stats} at each scrape. */
  public void addBus(String name, Supplier<BusStats> stats) {
    buses.put(name, stats);
  }

  /**
   * Exposes bus {@code name} and its per-topic counts ({@code onex_bus_topic_*}), each read at each
   * scrape.
   */
  public void addBus(String name, Supplier<BusStats> stats, Supplier<List<TopicStats>> perTopic) {
    buses.put(name, stats);
    topics.put(name, perTopic);
  }

  /** Stops exposing bus {@code name}. */
  public void removeBus(String name) {
    buses.remove(name);
    topics.remove(name);
  }

  /** Exposes the registry's numbers, read from {@code stats} at each scrape. */
  public void setRegistry(Supplier<RegistryStats> stats) {
    this.registryStats = stats;
  }

  /**
   * The registry behind {@link #scrape()}, for metrics other parts of the process keep themselves
   * (a client's {@code ClientMetrics}, for example).
   */
  public PrometheusRegistry registry() {
    return registry;
  }

  /** The content type of {@link #scrape()}. */
  public String contentType() {
    return writer.getContentType();
  }

  /** Every metric now, in the Prometheus text format. */
  public byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  private void counter(String name, String help, ToDoubleFunction<BusStats> value) {
    CounterWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames("bus")
        .callback(cb -> buses.forEach((bus, s) -> cb.call(value.applyAsDouble(s.get()), bus)))
        .register(registry);
  }

  private void topicCounter(String name, String help, ToDoubleFunction<TopicStats> value) {
    CounterWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames("bus", "topic")
        .callback(
            cb ->
                topics.forEach(
                    (bus, s) -> {
                      for (TopicStats t : s.get()) {
                        cb.call(value.applyAsDouble(t), bus, t.topic());
                      }
                    }))
        .register(registry);
  }

  private void gauge(String name, String help, ToDoubleFunction<BusStats> value) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames("bus")
        .callback(cb -> buses.forEach((bus, s) -> cb.call(value.applyAsDouble(s.get()), bus)))
        .register(registry);
  }

  private void registryGauge(String name, String help, ToDoubleFunction<RegistryStats> value) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .callback(
            cb -> {
              RegistryStats r = registryStats == null ? null : registryStats.get();
              if (r != null) {
                cb.call(value.applyAsDouble(r));
              }
            })
        .register(registry);
  }
}
