package io.onex.bus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.broker.Broker;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.codec.Frame;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A subscription flood from one connection stops at the configured cap; others are unaffected. */
class SubscriptionCapTest {
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void theCapIsPerConnection() {
    try (Broker broker = TestBuses.start("cap", "limits: {max_subscriptions_per_connection: 3}");
        RawPeer flood = new RawPeer(broker.endpoint());
        RawPeer other = new RawPeer(broker.endpoint())) {
      flood.hello("flood");
      other.hello("other");
      for (int i = 1; i <= 3; i++) {
        flood.send(subscribe(i));
        assertThat(flood.receive(WAIT)).isInstanceOf(Frame.Ack.class);
      }
      flood.send(subscribe(4));
      Frame.Error e = (Frame.Error) flood.receive(WAIT);
      assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_SUBSCRIPTIONS.code());
      assertThat(e.ref()).isEqualTo(4);
      other.send(subscribe(1));
      assertThat(other.receive(WAIT)).isInstanceOf(Frame.Ack.class);
      org.awaitility.Awaitility.await()
          .atMost(WAIT)
          .until(() -> broker.snapshot().subscriptions() == 4);
    }
  }

  private static Frame.Subscribe subscribe(int id) {
    return new Frame.Subscribe(
        id, id, "cap.t" + id, 0, 0, Frame.Subscribe.UNLIMITED_CREDIT, Map.of());
  }
}
