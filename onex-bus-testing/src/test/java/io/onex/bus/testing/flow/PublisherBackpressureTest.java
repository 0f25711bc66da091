package io.onex.bus.testing.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.broker.Broker;
import io.onex.bus.client.BackpressurePolicy;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.PublishResult;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.testing.RawPeer;
import io.onex.bus.testing.TestBuses;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Publisher policies under a real BACKPRESSURE announcement: a stalled subscriber's queue passes
 * the topic's high-water mark; {@code drop} gives events up at once, {@code block} waits to its
 * deadline, {@code retry} gives up after its retries, {@code log} sends anyway; once the queue
 * drains below the low mark, a blocked publish goes through.
 */
class PublisherBackpressureTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String TOPIC = "load.x";

  @Test
  void eachPolicyBehavesAsDocumented() throws Exception {
    try (Broker broker = TestBuses.start("flow", "flow: {topic_high_water_bytes: 4096}");
        RawPeer stalled = new RawPeer(broker.endpoint());
        BusClient dropper = client(broker, "dropper", BackpressurePolicy.drop());
        BusClient blocker =
            client(broker, "blocker", BackpressurePolicy.block(Duration.ofMillis(200)));
        BusClient retrier =
            client(broker, "retrier", BackpressurePolicy.retry(3, Duration.ofMillis(10)));
        BusClient logger = client(broker, "logger", BackpressurePolicy.log());
        BusClient patient =
            client(broker, "patient", BackpressurePolicy.block(Duration.ofSeconds(20)))) {
      stalled.hello("stalled");
      stalled.send(new Frame.Subscribe(1, 3, "load.>", 10_000, 1, 0, Map.of()));
      assertThat(stalled.receive(WAIT)).isInstanceOf(Frame.Ack.class);

      // Fill the stalled queue past 4 KiB until the dropping publisher hears BACKPRESSURE.
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> publish(dropper).status() == PublishResult.Status.NOT_SENT);
      PublishResult dropped = publish(dropper);
      assertThat(dropped.status()).isEqualTo(PublishResult.Status.NOT_SENT);
      assertThat(dropped.message()).startsWith("backpressure: dropped");

      Awaitility.await()
          .atMost(WAIT)
          .until(() -> publish(blocker).status() == PublishResult.Status.NOT_SENT);
      assertThat(publish(blocker).message()).startsWith("backpressure: did not clear within");
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> publish(retrier).status() == PublishResult.Status.NOT_SENT);
      assertThat(publish(retrier).message()).contains("after 3 retries");
      assertThat(publish(logger).status()).isEqualTo(PublishResult.Status.ACCEPTED);

      // The patient publisher must have heard BACKPRESSURE too before its publish is telling.
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> publish(logger).status() == PublishResult.Status.ACCEPTED);
      CompletableFuture<PublishResult> waiting =
          CompletableFuture.supplyAsync(() -> publish(patient));
      stalled.send(new Frame.Credit(3, 1_000_000));
      assertThat(waiting.get().status()).isEqualTo(PublishResult.Status.ACCEPTED);
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> publish(dropper).status() == PublishResult.Status.ACCEPTED);
    }
  }

  private static PublishResult publish(BusClient c) {
    try {
      return c.publish(TOPIC, OnexEvent.create("p", "TICK", null)).get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static BusClient client(Broker broker, String node, BackpressurePolicy policy) {
    return BusClient.connect(
        BusClientOptions.builder()
            .endpoint(broker.endpoint())
            .nodeId(node)
            .backpressure(policy)
            .build());
  }
}
