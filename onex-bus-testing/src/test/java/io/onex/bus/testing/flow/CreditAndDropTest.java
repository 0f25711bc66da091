package io.onex.bus.testing.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.broker.Broker;
import io.onex.bus.broker.flow.PinnedFrames;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.codec.Delivery;
import io.onex.bus.protocol.codec.EventRecord;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.testing.RawPeer;
import io.onex.bus.testing.TestBuses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Credit-based delivery and the bounded queue, seen on the wire by a raw subscriber: nothing beyond
 * its credit is sent, a full queue keeps the newest (drop-oldest) or the oldest (drop-newest) N
 * events exactly, and the GAP marker says exactly which sequences were lost, where they were lost.
 */
class CreditAndDropTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int SUB = 7;

  @Test
  void dropOldestKeepsTheNewestNAndTheGapComesFirst() {
    try (Broker broker = TestBuses.start("flow");
        RawPeer sub = new RawPeer(broker.endpoint());
        RawPeer pub = new RawPeer(broker.endpoint())) {
      subscribe(sub, 10, 1, 0);
      long first = publish(pub, 25);
      awaitQueued(broker, 10);

      sub.send(new Frame.Credit(SUB, 100));
      List<Object> got = receive(sub, 11);

      assertThat(got.get(0)).isEqualTo(new Frame.Gap(SUB, 15, first, first + 14));
      assertThat(got.subList(1, 11)).containsExactlyElementsOf(seqs(first + 15, first + 24));
      assertThat(broker.snapshot().dropped()).isEqualTo(15);
    }
  }

  @Test
  void dropsAreReportedOnTheBusFlowTopicWithSubscriptionTopicAndCount() throws Exception {
    try (Broker broker = TestBuses.start("flow");
        RawPeer sub = new RawPeer(broker.endpoint());
        RawPeer pub = new RawPeer(broker.endpoint());
        RawPeer watcher = new RawPeer(broker.endpoint())) {
      watcher.hello("watcher");
      watcher.send(new Frame.Subscribe(1, 1, "$onex.bus.flow.flow", 0, 0, -1, Map.of()));
      assertThat(watcher.receive(WAIT)).isInstanceOf(Frame.Ack.class);
      subscribe(sub, 10, 1, 0);
      publish(pub, 25);

      Delivery dropped = null;
      while (dropped == null) {
        Frame.Deliver d = (Frame.Deliver) watcher.receive(WAIT);
        dropped =
            d.deliveries().stream()
                .filter(x -> x.event().eventType().equals("EVENT_DROPPED"))
                .findFirst()
                .orElse(null);
      }
      var md =
          io.onex.bus.protocol.event.OnexEventJson.mapper()
              .readTree(dropped.event().payload())
              .path("metadata");
      assertThat(md.path("node_id").asText()).isEqualTo("slow");
      assertThat(md.path("pattern").asText()).isEqualTo("t.>");
      assertThat(md.path("topic").asText()).isEqualTo("t.x");
      assertThat(md.path("count").asLong()).isEqualTo(15);
      assertThat(md.path("policy").asText()).isEqualTo("drop-oldest");
    }
  }

  /**
   * One queued copy of an event serves every subscription that queues it; a subscription that drops
   * it (drop-oldest) must not reuse those bytes for a newer event while another still holds it. The
   * payloads all have the same length, so a reused buffer would fit and go unnoticed but for their
   * contents.
   */
  @Test
  void aQueuedEventSharedWithAnotherSubscriptionSurvivesItsEvictionByOne() {
    try (Broker broker = TestBuses.start("flow");
        RawPeer small = new RawPeer(broker.endpoint());
        RawPeer large = new RawPeer(broker.endpoint());
        RawPeer pub = new RawPeer(broker.endpoint())) {
      subscribe(small, 2, 1, 0);
      subscribe(large, 100, 1, 0);
      long first = publish(pub, 10);
      awaitQueued(broker, 12);

      large.send(new Frame.Credit(SUB, 100));
      List<String> payloads = new ArrayList<>();
      List<Long> sequences = new ArrayList<>();
      while (payloads.size() < 10) {
        Frame.Deliver d = (Frame.Deliver) large.receive(WAIT);
        for (Delivery x : d.deliveries()) {
          payloads.add(new String(x.event().payload(), StandardCharsets.UTF_8));
          sequences.add(x.sequence());
        }
      }
      assertThat(payloads)
          .containsExactlyElementsOf(
              LongStream.range(0, 10).mapToObj(i -> "{\"i\":" + i + "}").toList());
      assertThat(sequences)
          .containsExactlyElementsOf(LongStream.range(first, first + 10).boxed().toList());

      small.send(new Frame.Credit(SUB, 100));
      List<Object> got = receive(small, 3);
      assertThat(got.get(0)).isEqualTo(new Frame.Gap(SUB, 8, first, first + 7));
      assertThat(got.subList(1, 3)).containsExactlyElementsOf(seqs(first + 8, first + 9));
    }
  }

  /**
   * Queued events point into the PUBLISH frames they came in; a small event in a large frame would
   * keep the whole frame alive, so the bus pins frames only up to a bound and copies beyond it.
   * Every event still arrives intact, and once delivered nothing stays pinned.
   */
  @Test
  void smallEventsInLargeFramesPinNoMoreThanTheBoundAndAllArriveIntact() {
    int frames = 40;
    byte[] filler = ("{\"pad\":\"" + "x".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8);
    try (Broker broker = TestBuses.start("flow");
        RawPeer sub = new RawPeer(broker.endpoint());
        RawPeer pub = new RawPeer(broker.endpoint())) {
      subscribe(sub, 100, 1, 0);
      pub.hello("pub");
      for (int i = 0; i < frames; i++) {
        EventRecord small =
            EventRecord.of(
                "t.x", "NODE_START", null, ("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        EventRecord large = EventRecord.of("other.y", "NODE_START", null, filler);
        pub.send(new Frame.Publish(100 + i, List.of(small, large)));
        assertThat(((Frame.Ack) pub.receive(WAIT)).count()).isEqualTo(2);
      }
      awaitQueued(broker, frames);

      var queued = broker.snapshot();
      assertThat(queued.pinnedBytes()).isPositive();
      assertThat(queued.pinnedBytes())
          .isLessThanOrEqualTo(
              PinnedFrames.FLOOR_BYTES
                  + PinnedFrames.FACTOR * queued.queuedBytes()
                  + 2L * filler.length);

      sub.send(new Frame.Credit(SUB, frames));
      List<String> payloads = new ArrayList<>();
      while (payloads.size() < frames) {
        for (Delivery x : ((Frame.Deliver) sub.receive(WAIT)).deliveries()) {
          payloads.add(new String(x.event().payload(), StandardCharsets.UTF_8));
        }
      }
      assertThat(payloads)
          .containsExactlyElementsOf(
              LongStream.range(0, frames).mapToObj(i -> "{\"i\":" + i + "}").toList());
      Awaitility.await().atMost(WAIT).until(() -> broker.snapshot().pinnedBytes() == 0);
    }
  }

  @Test
  void dropNewestKeepsTheOldestNAndTheGapComesAfter() {
    try (Broker broker = TestBuses.start("flow");
        RawPeer sub = new RawPeer(broker.endpoint());
        RawPeer pub = new RawPeer(broker.endpoint())) {
      subscribe(sub, 10, 2, 0);
      long first = publish(pub, 25);
      awaitQueued(broker, 10);

      sub.send(new Frame.Credit(SUB, 100));
      List<Object> got = receive(sub, 11);

      assertThat(got.subList(0, 10)).containsExactlyElementsOf(seqs(first, first + 9));
      assertThat(got.get(10)).isEqualTo(new Frame.Gap(SUB, 15, first + 10, first + 24));
    }
  }

  @Test
  void nothingBeyondTheCreditIsSentAndEachGrantReleasesExactlyThatMany() {
    try (Broker broker = TestBuses.start("flow");
        RawPeer sub = new RawPeer(broker.endpoint());
        RawPeer pub = new RawPeer(broker.endpoint())) {
      subscribe(sub, 100, 1, 3);
      long first = publish(pub, 10);

      assertThat(receive(sub, 3)).containsExactlyElementsOf(seqs(first, first + 2));
      awaitQueued(broker, 7);
      sub.send(new Frame.Credit(SUB, 4));
      assertThat(receive(sub, 4)).containsExactlyElementsOf(seqs(first + 3, first + 6));
      awaitQueued(broker, 3);
      sub.send(new Frame.Credit(SUB, 3));
      assertThat(receive(sub, 3)).containsExactlyElementsOf(seqs(first + 7, first + 9));
      awaitQueued(broker, 0);
      assertThat(broker.snapshot().dropped()).isZero();
    }
  }

  @Test
  void aCreditGrantThatOverflowsIsRefusedAndChangesNothing() {
    try (Broker broker = TestBuses.start("flow");
        RawPeer sub = new RawPeer(broker.endpoint());
        RawPeer pub = new RawPeer(broker.endpoint())) {
      subscribe(sub, 100, 1, 0);
      sub.send(new Frame.Credit(SUB, 0xFFFF_FFF0));
      sub.send(new Frame.Credit(SUB, 0x7FFF_FFFF));

      Frame.Error e = (Frame.Error) sub.receive(WAIT);
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CREDIT.code());
      assertThat(e.message()).contains("exceed");
      long first = publish(pub, 2);
      assertThat(receive(sub, 2)).containsExactlyElementsOf(seqs(first, first + 1));
    }
  }

  private static void subscribe(RawPeer sub, int queue, int drop, int credit) {
    sub.hello("slow");
    sub.send(new Frame.Subscribe(1, SUB, "t.>", queue, drop, credit, Map.of()));
    assertThat(sub.receive(WAIT)).isInstanceOf(Frame.Ack.class);
  }

  /** Publishes {@code n} events in one frame; the sequence of the first. */
  private static long publish(RawPeer pub, int n) {
    pub.hello("pub");
    List<EventRecord> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(
          EventRecord.of(
              "t.x", "NODE_START", null, ("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
    }
    pub.send(new Frame.Publish(9, batch));
    Frame.Ack ack = (Frame.Ack) pub.receive(WAIT);
    assertThat(ack.count()).isEqualTo(n);
    return ack.sequence();
  }

  private static void awaitQueued(Broker broker, long n) {
    Awaitility.await().atMost(WAIT).until(() -> broker.snapshot().queuedEvents() == n);
  }

  /** The next {@code n} items: each delivery's sequence (Long), or a GAP frame. */
  private static List<Object> receive(RawPeer sub, int n) {
    List<Object> out = new ArrayList<>();
    while (out.size() < n) {
      Frame f = sub.receive(WAIT);
      if (f instanceof Frame.Deliver d) {
        for (Delivery x : d.deliveries()) {
          out.add(x.sequence());
        }
      } else if (f instanceof Frame.Gap g) {
        out.add(g);
      }
    }
    assertThat(out).hasSize(n);
    return out;
  }

  private static List<Object> seqs(long from, long to) {
    return new ArrayList<>(LongStream.rangeClosed(from, to).boxed().toList());
  }
}
