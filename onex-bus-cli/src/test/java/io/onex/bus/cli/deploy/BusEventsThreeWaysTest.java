package io.onex.bus.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.onex.bus.broker.Broker;
import io.onex.bus.client.BackpressurePolicy;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.PublishOptions;
import io.onex.bus.client.ReceivedEvent;
import io.onex.bus.observability.metrics.ProcessMetrics;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.testing.PrometheusText;
import io.onex.bus.testing.RawPeer;
import io.onex.bus.testing.TestBuses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The observability promise for the bus events a broker emits: after the action that causes it,
 * each appears as a structured log line (field {@code event}), as an OnexEvent on the bus's system
 * topic, and in {@code onex_bus_events_emitted_total} of the process's {@code /metrics}.
 */
class BusEventsThreeWaysTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Set<String> CAUSED =
      Set.of(
          "EVENT_DROPPED", "EVENT_SUBSCRIBER_SLOW", "EVENT_BACKPRESSURE", "EVENT_INVALID_SCHEMA");

  @Test
  void eachBusEventIsLoggedPublishedAndCounted() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    Broker broker =
        TestBuses.start("shop", "schema: {mode: strict}\nflow: {topic_high_water_bytes: 2048}");
    ProcessMetrics metrics = new ProcessMetrics();
    BusMetricsSource.expose(metrics, broker);
    try (BusClient watcher = client(broker, "watcher");
        // Publishing goes on under backpressure (the log policy), so the slow queue overflows.
        BusClient pub =
            BusClient.connect(
                BusClientOptions.builder()
                    .endpoint(broker.endpoint())
                    .nodeId("pub")
                    .backpressure(BackpressurePolicy.log())
                    .build());
        RawPeer slow = new RawPeer(broker.endpoint())) {
      List<ReceivedEvent> seen = new CopyOnWriteArrayList<>();
      watcher.subscribe("$onex.bus.shop.>", seen::add).ready().get();
      // A subscriber that never grants credit, with a 10-event queue: it fills, then drops.
      slow.hello("slow");
      slow.send(new Frame.Subscribe(1, 1, "t.>", 10, 0, 0, Map.of()));
      assertThat(slow.receive(WAIT)).isInstanceOf(Frame.Ack.class);

      for (int i = 0; i < 50; i++) {
        pub.publish("t.x", OnexEvent.create("pub", "NODE_START", null)).get();
      }
      byte[] invalid =
          "{\"event_id\":\"x\",\"timestamp\":\"now\",\"node_id\":\"pub\",\"event_type\":\"N\"}"
              .getBytes(StandardCharsets.UTF_8);
      pub.publishEncoded("t.x", "N", null, invalid, PublishOptions.NONE).get();

      Awaitility.await()
          .atMost(WAIT)
          .untilAsserted(
              () -> assertThat(seen).extracting(ReceivedEvent::eventType).containsAll(CAUSED));
      for (String type : CAUSED) {
        ReceivedEvent e = seen.stream().filter(x -> x.eventType().equals(type)).findFirst().get();
        assertThat(e.topic()).startsWith("$onex.bus.shop.");
        assertThat(e.publisherNodeId()).isEqualTo("broker.shop");
      }
      for (String type : union(CAUSED, "BUS_STARTED")) {
        assertThat(log.list)
            .as("a log line for %s", type)
            .anySatisfy(
                l ->
                    assertThat(l.getKeyValuePairs())
                        .anySatisfy(
                            kv -> {
                              assertThat(kv.key).isEqualTo("event");
                              assertThat(kv.value).isEqualTo(type);
                            }));
      }
      Awaitility.await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                PrometheusText scrape =
                    PrometheusText.parse(new String(metrics.scrape(), StandardCharsets.UTF_8));
                for (String type : union(CAUSED, "BUS_STARTED")) {
                  assertThat(
                          scrape.value(
                              "onex_bus_events_emitted_total",
                              Map.of("bus", "shop", "event", type)))
                      .as("the counter of %s", type)
                      .hasValueSatisfying(v -> assertThat(v).isGreaterThanOrEqualTo(1.0));
                }
              });
    } finally {
      broker.close();
      root.detachAppender(log);
    }
  }

  private static Set<String> union(Set<String> a, String b) {
    java.util.Set<String> out = new java.util.TreeSet<>(a);
    out.add(b);
    return out;
  }

  private static BusClient client(Broker broker, String nodeId) {
    return BusClient.connect(
        BusClientOptions.builder().endpoint(broker.endpoint()).nodeId(nodeId).build());
  }
}
