package io.onex.bus.testing.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.broker.Broker;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.PublishResult;
import io.onex.bus.client.SubscribeOptions;
import io.onex.bus.protocol.codec.Delivery;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.testing.RawPeer;
import io.onex.bus.testing.TestBuses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Over 200,000 events, a subscriber that never grants credit changes nothing for a fast one: the
 * fast one gets every event once, in order, while the stalled one's queue holds exactly its bound
 * (the newest 1,000) and says it lost the rest.
 */
class StalledSubscriberTest {
  private static final int EVENTS = 200_000;
  private static final int STALLED_BOUND = 1000;
  private static final Duration WAIT = Duration.ofSeconds(120);

  @Test
  void aStalledSubscriberCostsAFastOneNothing() throws Exception {
    try (Broker broker = TestBuses.start("flow");
        RawPeer stalled = new RawPeer(broker.endpoint());
        BusClient fast = client(broker, "fast");
        BusClient pub = client(broker, "pub")) {
      stalled.hello("stalled");
      stalled.send(new Frame.Subscribe(1, 5, "load.>", STALLED_BOUND, 1, 0, Map.of()));
      assertThat(stalled.receive(Duration.ofSeconds(10))).isInstanceOf(Frame.Ack.class);
      // Written by the dispatcher thread only; read after the count is seen through the atomic.
      long[] fastSeqs = new long[EVENTS];
      java.util.concurrent.atomic.AtomicInteger fastCount =
          new java.util.concurrent.atomic.AtomicInteger();
      fast.subscribe(
              SubscribeOptions.builder().pattern("load.>").queueSize(EVENTS).build(),
              e -> fastSeqs[fastCount.getAndIncrement()] = e.sequence())
          .ready()
          .get();

      List<CompletableFuture<PublishResult>> results = new ArrayList<>(EVENTS);
      for (int i = 0; i < EVENTS; i++) {
        results.add(pub.publish("load.x", OnexEvent.create("pub", "TICK", null)));
        if (i % 10_000 == 0) {
          keepAlive(stalled);
        }
      }
      // The bus's own flow reports take sequence numbers too: compare with what each publish got.
      long[] published = new long[EVENTS];
      for (int i = 0; i < EVENTS; i++) {
        PublishResult r = results.get(i).get();
        assertThat(r.status()).isEqualTo(PublishResult.Status.ACCEPTED);
        published[i] = r.sequence();
      }

      // A stalled subscriber is still a live session: it PINGs, or the broker would reap it.
      Awaitility.await()
          .atMost(WAIT)
          .pollInSameThread()
          .until(() -> keepAlive(stalled) && fastCount.get() == EVENTS);
      assertThat(fastSeqs).containsExactly(published);
      Awaitility.await()
          .atMost(WAIT)
          .pollInSameThread()
          .untilAsserted(
              () ->
                  assertThat(keepAlive(stalled) ? broker.snapshot().queuedEvents() : -1)
                      .as("queued; snapshot %s", broker.snapshot())
                      .isEqualTo(STALLED_BOUND));
      assertThat(broker.snapshot().dropped()).isEqualTo(EVENTS - STALLED_BOUND);

      stalled.send(new Frame.Credit(5, EVENTS));
      Frame gapFrame = next(stalled);
      int lost = EVENTS - STALLED_BOUND;
      assertThat(gapFrame).isEqualTo(new Frame.Gap(5, lost, published[0], published[lost - 1]));
      int next = lost;
      while (next < EVENTS) {
        Frame.Deliver d = (Frame.Deliver) next(stalled);
        for (Delivery x : d.deliveries()) {
          assertThat(x.sequence()).isEqualTo(published[next++]);
        }
      }
    }
  }

  private static boolean keepAlive(RawPeer peer) {
    peer.send(new Frame.Ping(1));
    return true;
  }

  /** The next frame that is not a PONG. */
  private static Frame next(RawPeer peer) {
    while (true) {
      Frame f = peer.receive(Duration.ofSeconds(10));
      if (!(f instanceof Frame.Pong)) {
        return f;
      }
    }
  }

  private static BusClient client(Broker broker, String node) {
    return BusClient.connect(
        BusClientOptions.builder().endpoint(broker.endpoint()).nodeId(node).build());
  }
}
