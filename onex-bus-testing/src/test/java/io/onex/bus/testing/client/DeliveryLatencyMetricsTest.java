package io.onex.bus.testing.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.broker.Broker;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.ClientMetrics;
import io.onex.bus.client.Subscription;
import io.onex.bus.observability.metrics.ProcessMetrics;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.testing.TestBuses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The subscriber-side delivery latency histogram through a real broker: after N deliveries the
 * scraped {@code onex_client_delivery_latency_seconds} counts exactly N for the bus, every
 * observation falls in a bucket, and a client given no metrics records nothing.
 */
class DeliveryLatencyMetricsTest {
  private static final int N = 37;

  @Test
  void theHistogramCountsEveryDelivery() throws Exception {
    ProcessMetrics process = new ProcessMetrics();
    ClientMetrics metrics = new ClientMetrics(process.registry());
    try (Broker broker = TestBuses.start("latency");
        BusClient sub = client(broker, "sub", metrics);
        BusClient plain = client(broker, "plain", null);
        BusClient pub = client(broker, "pub", null)) {
      Subscription measured = sub.subscribe("l.>", e -> {});
      Subscription unmeasured = plain.subscribe("l.>", e -> {});
      measured.ready().get();
      unmeasured.ready().get();

      for (int i = 0; i < N; i++) {
        pub.publish("l.x", OnexEvent.create("pub", "TICK", null)).get();
      }
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> measured.delivered() == N && unmeasured.delivered() == N);

      Map<String, Double> samples = parse(new String(process.scrape(), StandardCharsets.UTF_8));
      String series = "onex_client_delivery_latency_seconds";
      assertThat(samples.get(series + "_count{bus=\"latency\"}")).isEqualTo((double) N);
      assertThat(samples.get(series + "_bucket{bus=\"latency\",le=\"+Inf\"}"))
          .isEqualTo((double) N);
      assertThat(samples.get(series + "_sum{bus=\"latency\"}")).isGreaterThanOrEqualTo(0.0);
      assertThat(samples).containsKey(series + "_bucket{bus=\"latency\",le=\"1.0E-5\"}");
      assertThat(samples.keySet().stream().filter(k -> k.startsWith(series + "_count")))
          .containsExactly(series + "_count{bus=\"latency\"}");
    }
  }

  /** Sample lines of the text format: {@code name{labels} value} to value. */
  private static Map<String, Double> parse(String text) {
    Map<String, Double> out = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return out;
  }

  private static BusClient client(Broker broker, String node, ClientMetrics metrics) {
    return BusClient.connect(
        BusClientOptions.builder()
            .endpoint(broker.endpoint())
            .nodeId(node)
            .metrics(metrics)
            .build());
  }
}
