package io.onex.bus.testing.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.onex.bus.client.InMemoryBus;
import io.onex.bus.client.PublishResult;
import io.onex.bus.client.Subscription;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.event.OnexEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The in-process bus keeps the broker's semantics. */
class InMemoryBusTest {
  private static OnexEvent ev() {
    return OnexEvent.create("n", "NODE_START", null);
  }

  @Test
  void wildcardsTheDollarRuleAndOrder() throws Exception {
    try (InMemoryBus bus = new InMemoryBus()) {
      List<String> all = new CopyOnWriteArrayList<>();
      List<String> one = new CopyOnWriteArrayList<>();
      bus.subscribe(">", e -> all.add(e.topic())).ready().get();
      bus.subscribe("a.*", e -> one.add(e.topic())).ready().get();
      assertThat(bus.publish("a.b", ev()).get().sequence()).isEqualTo(1);
      assertThat(bus.publish("a.b.c", ev()).get().sequence()).isEqualTo(2);
      await().atMost(Duration.ofSeconds(5)).until(() -> all.size() == 2);
      assertThat(all).containsExactly("a.b", "a.b.c");
      assertThat(one).containsExactly("a.b");
    }
  }

  @Test
  void invalidInputGetsTheBrokersCodes() throws Exception {
    try (InMemoryBus bus = new InMemoryBus()) {
      PublishResult r = bus.publish("a.>", ev()).get();
      assertThat(r.code()).isEqualTo(ErrorCode.WILDCARD_IN_PUBLISH);
      assertThat(bus.publish("$sys.x", ev()).get().code()).isEqualTo(ErrorCode.INVALID_TOPIC);
      Subscription s = bus.subscribe("a..b", e -> {});
      assertThat(s.ready()).isCompletedExceptionally();
    }
  }
}
