package io.onex.bus.testing.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.broker.Broker;
import io.onex.bus.protocol.codec.EventRecord;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.testing.RawPeer;
import io.onex.bus.testing.TestBuses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DELIVER frames as raw subscribers receive them (docs/protocol.md §12): a batch is cut before the
 * delivery that would take it past 256 KiB, so no frame is larger, unless a single delivery is,
 * which then comes alone; nothing is lost or reordered by the cuts; and connections whose batches
 * the broker sends as one shared array (same subscription id, same events) each get all of them,
 * with their own id, while a connection with another id gets frames of its own.
 */
class DeliverFrameSizeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final int LIMIT = 256 * 1024;
  private static final int SUB = 3;

  @Test
  void batchesStayWithin256KiBAndKeepEveryEventInOrder() {
    try (Broker broker = TestBuses.start("frames");
        RawPeer sub = new RawPeer(broker.endpoint());
        RawPeer pub = new RawPeer(broker.endpoint())) {
      subscribe(sub);
      pub.hello("pub");
      // 600 events of about 1 KiB in one PUBLISH: routed in one loop pass, so only the size
      // limit cuts the batch, and the first frame must come close to the limit.
      long first = publish(pub, 600, 1_000);
      List<Long> sequences = new ArrayList<>();
      int largest = 0;
      while (sequences.size() < 600) {
        byte[] bytes = sub.receiveBytes(WAIT);
        Frame.Deliver d = (Frame.Deliver) decode(bytes);
        assertThat(bytes.length).isLessThanOrEqualTo(LIMIT);
        largest = Math.max(largest, bytes.length);
        d.deliveries().forEach(x -> sequences.add(x.sequence()));
      }
      assertThat(largest).isGreaterThan(LIMIT - 2_000);
      for (int i = 0; i < sequences.size(); i++) {
        assertThat(sequences.get(i)).isEqualTo(first + i);
      }
    }
  }

  @Test
  void aDeliveryLargerThanTheLimitComesAloneBetweenItsNeighbours() {
    try (Broker broker = TestBuses.start("frames");
        RawPeer sub = new RawPeer(broker.endpoint());
        RawPeer pub = new RawPeer(broker.endpoint())) {
      subscribe(sub);
      pub.hello("pub");
      List<EventRecord> batch = new ArrayList<>();
      batch.add(event(0, 100));
      batch.add(event(1, 300 * 1024));
      batch.add(event(2, 100));
      pub.send(new Frame.Publish(9, batch));
      long first = ((Frame.Ack) pub.receive(WAIT)).sequence();
      List<List<Long>> frames = new ArrayList<>();
      int received = 0;
      while (received < 3) {
        byte[] bytes = sub.receiveBytes(WAIT);
        Frame.Deliver d = (Frame.Deliver) decode(bytes);
        frames.add(d.deliveries().stream().map(x -> x.sequence()).toList());
        received += d.deliveries().size();
        if (bytes.length > LIMIT) {
          assertThat(d.deliveries()).hasSize(1);
          assertThat(d.deliveries().get(0).sequence()).isEqualTo(first + 1);
        }
      }
      assertThat(frames).containsExactly(List.of(first), List.of(first + 1), List.of(first + 2));
    }
  }

  @Test
  void connectionsWithTheSameSubscriptionIdEachGetEveryEventInOrder() {
    try (Broker broker = TestBuses.start("frames");
        RawPeer a = new RawPeer(broker.endpoint());
        RawPeer b = new RawPeer(broker.endpoint());
        RawPeer c = new RawPeer(broker.endpoint());
        RawPeer pub = new RawPeer(broker.endpoint())) {
      subscribe(a, "a", SUB);
      subscribe(b, "b", SUB);
      subscribe(c, "c", SUB + 1);
      pub.hello("pub");
      long first = publish(pub, 600, 1_000);
      long second = publish(pub, 5, 100);
      for (RawPeer sub : List.of(a, b, c)) {
        int id = sub == c ? SUB + 1 : SUB;
        List<Long> sequences = new ArrayList<>();
        while (sequences.size() < 605) {
          Frame.Deliver d = (Frame.Deliver) decode(sub.receiveBytes(WAIT));
          d.deliveries()
              .forEach(
                  x -> {
                    assertThat(x.subscriptionId()).isEqualTo(id);
                    sequences.add(x.sequence());
                  });
        }
        for (int i = 0; i < 600; i++) {
          assertThat(sequences.get(i)).isEqualTo(first + i);
        }
        for (int i = 0; i < 5; i++) {
          assertThat(sequences.get(600 + i)).isEqualTo(second + i);
        }
      }
    }
  }

  private static void subscribe(RawPeer sub) {
    subscribe(sub, "sub", SUB);
  }

  private static void subscribe(RawPeer sub, String nodeId, int subscriptionId) {
    sub.hello(nodeId);
    sub.send(new Frame.Subscribe(1, subscriptionId, "t.>", 10_000, 1, -1, Map.of()));
    assertThat(sub.receive(WAIT)).isInstanceOf(Frame.Ack.class);
  }

  private static long publish(RawPeer pub, int n, int payloadBytes) {
    List<EventRecord> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(event(i, payloadBytes));
    }
    pub.send(new Frame.Publish(9, batch));
    Frame.Ack ack = (Frame.Ack) pub.receive(WAIT);
    assertThat(ack.count()).isEqualTo(n);
    return ack.sequence();
  }

  /** A JSON object payload of exactly {@code bytes} bytes (at least 20). */
  private static EventRecord event(int i, int bytes) {
    String head = "{\"i\":" + i + ",\"p\":\"";
    String json = head + "x".repeat(bytes - head.length() - 2) + "\"}";
    return EventRecord.of("t.x", "NODE_START", null, json.getBytes(StandardCharsets.UTF_8));
  }

  private static Frame decode(byte[] bytes) {
    try {
      return FrameCodec.decode(bytes);
    } catch (io.onex.bus.protocol.ProtocolException e) {
      throw new AssertionError(e);
    }
  }
}
