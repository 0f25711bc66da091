package io.onex.bus.testing.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.broker.Broker;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.EventHandler;
import io.onex.bus.client.Gap;
import io.onex.bus.client.PublishResult;
import io.onex.bus.client.ReceivedEvent;
import io.onex.bus.client.SubscribeOptions;
import io.onex.bus.client.Subscription;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.testing.TestBuses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The Java client end to end: a handler that stalls uses up its credit window, the broker queues
 * and then drops, and the handler is told exactly what it lost, in stream order, before the events
 * that survived.
 */
class GapToHandlerTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void aSlowHandlerIsToldExactlyWhatItLost() throws Exception {
    try (Broker broker = TestBuses.start("flow");
        BusClient sub = client(broker, "slow");
        BusClient pub = client(broker, "pub")) {
      CountDownLatch release = new CountDownLatch(1);
      List<Object> seen = new CopyOnWriteArrayList<>();
      Subscription s =
          sub.subscribe(
              SubscribeOptions.builder().pattern("t.>").queueSize(10).creditWindow(4).build(),
              new EventHandler() {
                @Override
                public void onEvent(ReceivedEvent e) {
                  await(release);
                  seen.add(e.sequence());
                }

                @Override
                public void onGap(Gap g) {
                  seen.add(g);
                }
              });
      s.ready().get();

      List<Long> published = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        PublishResult r = pub.publish("t.x", OnexEvent.create("pub", "TICK", null)).get();
        published.add(r.sequence());
      }
      // 4 went out against the window, 10 wait in the queue, 86 were dropped (oldest first).
      Awaitility.await().atMost(WAIT).until(() -> broker.snapshot().dropped() == 86);
      release.countDown();
      Awaitility.await().atMost(WAIT).until(() -> seen.size() == 15);

      List<Object> expected = new ArrayList<>(published.subList(0, 4));
      expected.add(new Gap(s.id(), 86, published.get(4), published.get(89)));
      expected.addAll(published.subList(90, 100));
      assertThat(seen).containsExactlyElementsOf(expected);
      assertThat(s.lost()).isEqualTo(86);
      assertThat(s.delivered()).isEqualTo(14);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static BusClient client(Broker broker, String node) {
    return BusClient.connect(
        BusClientOptions.builder().endpoint(broker.endpoint()).nodeId(node).build());
  }
}
