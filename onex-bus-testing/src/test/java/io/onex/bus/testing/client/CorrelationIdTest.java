package io.onex.bus.testing.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.onex.bus.broker.Broker;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.ReceivedEvent;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.event.OnexEventJson;
import io.onex.bus.testing.TestBuses;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Every event carries a correlation id: the publisher's survives publish → broker → subscriber, and
 * one the publisher left out is generated, the same in the routing header and the envelope.
 */
class CorrelationIdTest {
  @Test
  void givenIdsSurviveAndMissingOnesAreGenerated() throws Exception {
    try (Broker broker = TestBuses.start("corr");
        BusClient sub = client(broker, "sub");
        BusClient pub = client(broker, "pub")) {
      List<ReceivedEvent> got = new CopyOnWriteArrayList<>();
      sub.subscribe("c.>", got::add).ready().get();

      pub.publish("c.x", OnexEvent.create("pub", "TICK", null).withCorrelationId("given-1")).get();
      pub.publish("c.x", OnexEvent.create("pub", "TICK", null)).get();

      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 2);
      assertThat(got.get(0).correlationId()).isEqualTo("given-1");
      String generated = got.get(1).correlationId();
      assertThat(UUID.fromString(generated)).isNotNull();
      JsonNode envelope = OnexEventJson.mapper().readTree(got.get(1).payload());
      assertThat(envelope.path("correlation_id").asText()).isEqualTo(generated);
    }
  }

  private static BusClient client(Broker broker, String node) {
    return BusClient.connect(
        BusClientOptions.builder().endpoint(broker.endpoint()).nodeId(node).build());
  }
}
