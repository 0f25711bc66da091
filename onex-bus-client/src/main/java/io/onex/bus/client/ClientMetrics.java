package io.onex.bus.client;

import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Instant;

/**
 * A client process's own metrics (docs/operations.md): {@code
 * onex_client_delivery_latency_seconds}, per bus, the time from the broker accepting an event
 * ({@code broker_time_micros} of its delivery) to the dispatcher handing it to the handler. The
 * broker and the client read the same host clock when they run on one machine; across hosts the
 * histogram includes the clock offset. Create one per {@link PrometheusRegistry} and pass it to
 * every {@link BusClient} of the process ({@link BusClientOptions.Builder#metrics}); a client
 * without one measures nothing. Any thread.
 */
public final class ClientMetrics {
  /** The histogram's name, as scraped. */
  public static final String DELIVERY_LATENCY = "onex_client_delivery_latency_seconds";

  /** 10 µs to 10 s, about three buckets a decade: local deliveries take tens of microseconds. */
  private static final double[] BUCKETS = {
    0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
    0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final Histogram deliveryLatency;

  /** Registers the client metrics in {@code registry}; once per registry. */
  public ClientMetrics(PrometheusRegistry registry) {
    deliveryLatency =
        Histogram.builder()
            .name(DELIVERY_LATENCY)
            .help("Time from the broker accepting an event to its handler being called")
            .labelNames("bus")
            .classicOnly()
            .classicUpperBounds(BUCKETS)
            .register(registry);
  }

  /** The latency recorder of one bus's deliveries. */
  public DeliveryLatency forBus(String bus) {
    return new DeliveryLatency(deliveryLatency.labelValues(bus));
  }

  /**
   * Records delivery latencies of one bus. Called by one client's dispatcher thread; the underlying
   * data point takes concurrent observations.
   */
  public static final class DeliveryLatency {
    private final DistributionDataPoint point;

    private DeliveryLatency(DistributionDataPoint point) {
      this.point = point;
    }

    /**
     * Observes the time since {@code brokerTimeMicros} (epoch microseconds); a broker clock ahead
     * of this one counts as zero rather than as a negative latency.
     */
    public void observeSince(long brokerTimeMicros) {
      Instant now = Instant.now();
      long nowMicros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
      point.observe(Math.max(0, nowMicros - brokerTimeMicros) / 1e6);
    }
  }
}
