package io.onex.bus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.broker.Broker;
import io.onex.bus.protocol.codec.Delivery;
import io.onex.bus.protocol.codec.EventRecord;
import io.onex.bus.protocol.codec.Frame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One PUBLISH frame whose events change topic, come back to one, and use topics that are prefixes
 * of each other: the broker reuses its routing decision only for a run of the very same topic, so
 * every subscriber gets exactly the events its pattern matches, in order.
 */
class MixedTopicFrameTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final List<String> TOPICS =
      List.of("t.a", "t.ab", "t.a", "t.a", "t.b", "t.ab", "t.a.x", "t.a");

  @Test
  void eachSubscriberGetsExactlyTheEventsItsPatternMatches() {
    try (Broker broker = TestBuses.start("mixed");
        RawPeer exact = new RawPeer(broker.endpoint());
        RawPeer longer = new RawPeer(broker.endpoint());
        RawPeer all = new RawPeer(broker.endpoint());
        RawPeer pub = new RawPeer(broker.endpoint())) {
      subscribe(exact, "exact", "t.a");
      subscribe(longer, "longer", "t.ab");
      subscribe(all, "all", "t.>");
      pub.hello("pub");
      List<EventRecord> batch = new ArrayList<>();
      for (int i = 0; i < TOPICS.size(); i++) {
        batch.add(
            EventRecord.of(
                TOPICS.get(i),
                "NODE_START",
                null,
                ("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
      }
      pub.send(new Frame.Publish(3, batch));
      assertThat(((Frame.Ack) pub.receive(WAIT)).count()).isEqualTo(TOPICS.size());

      assertThat(receive(exact, 4)).containsExactly("0 t.a", "2 t.a", "3 t.a", "7 t.a");
      assertThat(receive(longer, 2)).containsExactly("1 t.ab", "5 t.ab");
      assertThat(receive(all, 8))
          .containsExactly(
              "0 t.a", "1 t.ab", "2 t.a", "3 t.a", "4 t.b", "5 t.ab", "6 t.a.x", "7 t.a");
    }
  }

  private static void subscribe(RawPeer peer, String node, String pattern) {
    peer.hello(node);
    peer.send(new Frame.Subscribe(1, 1, pattern, 100, 1, -1, Map.of()));
    assertThat(peer.receive(WAIT)).isInstanceOf(Frame.Ack.class);
  }

  /** The next {@code n} deliveries as "index topic". */
  private static List<String> receive(RawPeer peer, int n) {
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      for (Delivery d : ((Frame.Deliver) peer.receive(WAIT)).deliveries()) {
        String payload = new String(d.event().payload(), StandardCharsets.UTF_8);
        out.add(payload.replaceAll("\\D", "") + " " + d.event().topic());
      }
    }
    return out;
  }
}
