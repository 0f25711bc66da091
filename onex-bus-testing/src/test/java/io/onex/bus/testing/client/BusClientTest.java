package io.onex.bus.testing.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.broker.Broker;
import io.onex.bus.client.BusClient;
import io.onex.bus.client.BusClientOptions;
import io.onex.bus.client.BusConnectException;
import io.onex.bus.client.PublishOptions;
import io.onex.bus.client.PublishResult;
import io.onex.bus.client.ReceivedEvent;
import io.onex.bus.client.Subscription;
import io.onex.bus.client.SubscriptionRejectedException;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.event.OnexEventJson;
import io.onex.bus.testing.TestBuses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BusClient against a real broker over TCP loopback. */
class BusClientTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private Broker broker;
  private final List<BusClient> clients = new ArrayList<>();

  @BeforeEach
  void start() {
    broker = TestBuses.start("client-test");
  }

  @AfterEach
  void stop() {
    clients.forEach(BusClient::close);
    broker.close();
  }

  private BusClient connect(String node) {
    BusClient c =
        BusClient.connect(
            BusClientOptions.builder().endpoint(broker.endpoint()).nodeId(node).build());
    clients.add(c);
    return c;
  }

  private static OnexEvent event(String node, int i) {
    ObjectNode m = OnexEventJson.mapper().createObjectNode().put("i", i);
    return OnexEvent.create(node, "NODE_START", m).withCorrelationId("corr-" + i);
  }

  @Test
  void publishesAreNumberedInOrderAndDeliveredInOrderOnTheDispatcherThread() throws Exception {
    BusClient pub = connect("pub");
    BusClient sub = connect("sub");
    List<ReceivedEvent> got = new CopyOnWriteArrayList<>();
    List<String> threads = new CopyOnWriteArrayList<>();
    Subscription s =
        sub.subscribe(
            "orders.>",
            e -> {
              got.add(e);
              threads.add(Thread.currentThread().getName());
            });
    long startedAfter = s.ready().get();
    List<CompletableFuture<PublishResult>> results = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      results.add(pub.publish("orders.created", event("pub", i)));
    }
    long previous = startedAfter;
    for (CompletableFuture<PublishResult> f : results) {
      PublishResult r = f.get();
      assertThat(r.isAccepted()).as("%s", r).isTrue();
      assertThat(r.sequence()).isEqualTo(previous + 1);
      previous = r.sequence();
    }
    await()
        .atMost(WAIT)
        .failFast("the broker dropped events", () -> broker.snapshot().dropped() > 0)
        .until(() -> got.size() == 10_000);
    for (int i = 0; i < got.size(); i++) {
      ReceivedEvent e = got.get(i);
      assertThat(e.sequence()).isEqualTo(results.get(i).get().sequence());
      assertThat(e.event().metadata().get("i").asInt()).isEqualTo(i);
      assertThat(e.correlationId()).isEqualTo("corr-" + i);
      assertThat(e.publisherNodeId()).isEqualTo("pub");
    }
    assertThat(threads).allMatch(t -> t.equals("onex-client-dispatch-sub"));
  }

  @Test
  void publishesAreBatchedIntoFarFewerFramesThanEvents() throws Exception {
    BusClient pub = connect("batcher");
    long framesBefore = broker.snapshot().framesIn();
    List<CompletableFuture<PublishResult>> results = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      results.add(pub.publish("batch.test", event("batcher", i)));
    }
    for (CompletableFuture<PublishResult> f : results) {
      assertThat(f.get().isAccepted()).isTrue();
    }
    await().atMost(WAIT).until(() -> broker.snapshot().published() >= 20_001);
    long frames = broker.snapshot().framesIn() - framesBefore;
    assertThat(frames).isLessThan(20_000 / 4);
  }

  @Test
  void invalidTopicIsNotSentAndTheBrokerSeesNothing() throws Exception {
    BusClient pub = connect("bad-topic");
    long framesBefore = broker.snapshot().framesIn();
    PublishResult r = pub.publish("a.*.b", event("x", 1)).get();
    assertThat(r.status()).isEqualTo(PublishResult.Status.NOT_SENT);
    assertThat(r.message()).contains("WILDCARD_IN_PUBLISH");
    PublishResult ok = pub.publish("a.b", event("x", 2)).get();
    assertThat(ok.isAccepted()).isTrue();
    await().atMost(WAIT).until(() -> broker.snapshot().framesIn() > framesBefore);
    assertThat(broker.snapshot().rejected()).isZero();
  }

  @Test
  void brokerRejectionComesBackAsAValueWithItsCode() throws Exception {
    BusClient pub = connect("system-topic");
    PublishResult r = pub.publish("$onex.fake", event("x", 1)).get();
    assertThat(r.status()).isEqualTo(PublishResult.Status.REJECTED);
    assertThat(r.code()).isEqualTo(ErrorCode.INVALID_TOPIC);
    assertThat(r.offending()).isEqualTo("$onex.fake");
  }

  @Test
  void badPatternIsRejectedThroughReady() {
    BusClient sub = connect("bad-pattern");
    Subscription s = sub.subscribe("a.>.b", e -> {});
    assertThatThrownBy(() -> s.ready().get())
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            SubscriptionRejectedException.class,
            x -> assertThat(x.code()).isEqualTo(ErrorCode.INVALID_PATTERN));
  }

  @Test
  void aThrowingHandlerDoesNotStopLaterDeliveries() throws Exception {
    BusClient pub = connect("p");
    BusClient sub = connect("s");
    List<Long> seen = new CopyOnWriteArrayList<>();
    Subscription s =
        sub.subscribe(
            "x.>",
            e -> {
              seen.add(e.sequence());
              if (seen.size() == 1) {
                throw new IllegalStateException("handler bug");
              }
            });
    s.ready().get();
    for (int i = 0; i < 3; i++) {
      pub.publish("x.y", event("p", i)).get();
    }
    await().atMost(WAIT).until(() -> seen.size() == 3);
    assertThat(sub.handlerErrors()).isEqualTo(1);
  }

  @Test
  void closedSubscriptionGetsNothingMore() throws Exception {
    BusClient pub = connect("p2");
    BusClient sub = connect("s2");
    List<Long> closedOne = new CopyOnWriteArrayList<>();
    List<Long> openOne = new CopyOnWriteArrayList<>();
    Subscription a = sub.subscribe("z.>", e -> closedOne.add(e.sequence()));
    Subscription b = sub.subscribe("z.>", e -> openOne.add(e.sequence()));
    a.ready().get();
    b.ready().get();
    pub.publish("z.1", event("p2", 1)).get();
    await().atMost(WAIT).until(() -> closedOne.size() == 1 && openOne.size() == 1);
    a.close();
    await().atMost(WAIT).until(() -> broker.snapshot().subscriptions() == 1);
    pub.publish("z.2", event("p2", 2)).get();
    await().atMost(WAIT).until(() -> openOne.size() == 2);
    assertThat(closedOne).hasSize(1);
  }

  @Test
  void tagsTravelInTheHeader() throws Exception {
    BusClient pub = connect("tagger");
    BusClient sub = connect("reader");
    List<ReceivedEvent> got = new CopyOnWriteArrayList<>();
    sub.subscribe("t.>", got::add).ready().get();
    pub.publish("t.x", event("tagger", 1), new PublishOptions(Map.of("region", "eu"))).get();
    await().atMost(WAIT).until(() -> got.size() == 1);
    assertThat(got.get(0).tags()).containsEntry("region", "eu");
  }

  @Test
  void theBrokerDeliversOnlyWhatTheFilterAccepts() throws Exception {
    BusClient pub = connect("filter-pub");
    BusClient sub = connect("filter-sub");
    List<ReceivedEvent> got = new CopyOnWriteArrayList<>();
    List<ReceivedEvent> all = new CopyOnWriteArrayList<>();
    sub.subscribe(
            io.onex.bus.client.SubscribeOptions.builder()
                .pattern("f.>")
                .eventType("NODE_START")
                .tag("region in (eu,ap)")
                .build(),
            got::add)
        .ready()
        .get();
    sub.subscribe("f.>", all::add).ready().get();
    pub.publish("f.x", event("p", 1), new PublishOptions(Map.of("region", "eu"))).get();
    pub.publish(
            "f.x",
            OnexEvent.create("p", "NODE_FAILURE", null),
            new PublishOptions(Map.of("region", "eu")))
        .get();
    pub.publish("f.x", event("p", 3), new PublishOptions(Map.of("region", "us"))).get();
    pub.publish("f.x", event("p", 4)).get();
    pub.publish("f.x", event("p", 5), new PublishOptions(Map.of("region", "ap"))).get();
    await().atMost(WAIT).until(() -> all.size() == 5);
    await().atMost(WAIT).until(() -> got.size() == 2);
    assertThat(got).extracting(e -> e.event().metadata().get("i").asInt()).containsExactly(1, 5);
  }

  @Test
  void aMalformedFilterFailsBeforeAnythingIsSent() {
    assertThatThrownBy(
            () -> io.onex.bus.client.SubscribeOptions.builder().pattern("a").tag("k ~ v").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k ~ v");
  }

  @Test
  void connectingToNothingFailsWithinTheTimeout() {
    int port = broker.port();
    broker.close();
    assertThatThrownBy(
            () ->
                BusClient.connect(
                    BusClientOptions.builder()
                        .endpoint("tcp://127.0.0.1:" + port)
                        .nodeId("lonely")
                        .connectTimeout(Duration.ofMillis(500))
                        .build()))
        .isInstanceOf(BusConnectException.class)
        .hasMessageContaining("no answer");
    broker = TestBuses.start("client-test");
  }

  @Test
  void clientReopensItsSessionAndSubscriptionsAfterTheBrokerRestarts() throws Exception {
    int port = broker.port();
    broker.close();
    broker = TestBuses.start("restart", "port: " + port);
    BusClient pub = connect("rp");
    BusClient sub = connect("rs");
    List<Long> seen = new CopyOnWriteArrayList<>();
    sub.subscribe("r.>", e -> seen.add(e.sequence())).ready().get();
    pub.publish("r.1", event("rp", 1)).get();
    await().atMost(WAIT).until(() -> seen.size() == 1);

    broker.close();
    broker = TestBuses.start("restart", "port: " + port);
    // Both clients notice (next PING answered HELLO_REQUIRED), say HELLO again and resubscribe.
    await().atMost(Duration.ofSeconds(30)).until(() -> broker.snapshot().subscriptions() == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> pub.publish("r.2", event("rp", 2)).get().isAccepted());
    await().atMost(WAIT).until(() -> seen.size() >= 2);
  }

  @Test
  void aQuietClientKeepsItsSessionOnABusWithATighterHeartbeat() {
    broker.close();
    broker = TestBuses.start("tight", "heartbeat: {interval: 200ms, timeout: 600ms}");
    BusClient quiet = connect("quiet");
    // The client's own interval is 2 s; it must follow the bus's 200 ms from WELCOME.
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> broker.snapshot().sessionsExpired() == 0 && broker.snapshot().sessions() == 1);
    assertThat(quiet.welcome().properties()).containsEntry("heartbeat_ms", "200");
  }

  @Test
  void publishesWithoutResultArriveInOrderBetweenPublishesWithOne() throws Exception {
    BusClient pub = connect("no-result");
    BusClient sub = connect("no-result-sub");
    List<String> got = new CopyOnWriteArrayList<>();
    sub.subscribe("quiet.>", e -> got.add(e.correlationId())).ready().get();
    byte[] json = OnexEventJson.write(event("no-result", 0));
    for (int i = 0; i < 5_000; i++) {
      assertThat(
              pub.publishEncodedNoResult(
                  "quiet.a", "NODE_START", "n" + i, json, PublishOptions.NONE))
          .isTrue();
    }
    PublishResult last =
        pub.publishEncoded("quiet.a", "NODE_START", "last", json, PublishOptions.NONE).get();
    assertThat(last.isAccepted()).isTrue();
    await().atMost(WAIT).until(() -> got.size() == 5_001);
    for (int i = 0; i < 5_000; i++) {
      assertThat(got.get(i)).isEqualTo("n" + i);
    }
    assertThat(got.get(5_000)).isEqualTo("last");
    assertThat(pub.rejectedWithoutResult()).isZero();
  }

  @Test
  void aRejectionOfAPublishWithoutResultIsCountedAndTheOthersGoThrough() throws Exception {
    BusClient pub = connect("no-result-bad");
    BusClient sub = connect("no-result-bad-sub");
    List<String> got = new CopyOnWriteArrayList<>();
    sub.subscribe("mixed.>", e -> got.add(e.correlationId())).ready().get();
    byte[] json = OnexEventJson.write(event("no-result-bad", 0));
    byte[] notAnObject = "[1,2,3]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(
            pub.publishEncodedNoResult("mixed.a", "NODE_START", "ok-1", json, PublishOptions.NONE))
        .isTrue();
    // Passes the client's checks (no schema configured), refused by the broker: PAYLOAD_NOT_JSON.
    assertThat(
            pub.publishEncodedNoResult(
                "mixed.a", "NODE_START", "bad", notAnObject, PublishOptions.NONE))
        .isTrue();
    assertThat(
            pub.publishEncodedNoResult("mixed.a", "NODE_START", "ok-2", json, PublishOptions.NONE))
        .isTrue();
    await().atMost(WAIT).until(() -> pub.rejectedWithoutResult() == 1);
    await().atMost(WAIT).until(() -> got.size() == 2);
    assertThat(got).containsExactly("ok-1", "ok-2");
  }

  @Test
  void aPublishWithoutResultIsRefusedLocallyForAnInvalidTopicOrAClosedClient() throws Exception {
    BusClient watcher = connect("no-result-watcher");
    List<String> got = new CopyOnWriteArrayList<>();
    watcher.subscribe("a.>", e -> got.add(e.correlationId())).ready().get();
    BusClient pub = connect("no-result-local");
    byte[] json = OnexEventJson.write(event("no-result-local", 0));
    long rejectedBefore = broker.snapshot().rejected();
    assertThat(pub.publishEncodedNoResult("a.*.b", "NODE_START", "wild", json, PublishOptions.NONE))
        .isFalse();
    pub.close();
    clients.remove(pub);
    assertThat(pub.publishEncodedNoResult("a.b", "NODE_START", "closed", json, PublishOptions.NONE))
        .isFalse();
    // A marker from another client: the refused events never reached the broker, so it is the
    // only delivery and the broker rejected nothing (a wildcard topic it would have refused).
    assertThat(
            watcher
                .publishEncoded("a.c", "NODE_START", "marker", json, PublishOptions.NONE)
                .get()
                .isAccepted())
        .isTrue();
    await().atMost(WAIT).until(() -> got.contains("marker"));
    assertThat(got).containsExactly("marker");
    assertThat(broker.snapshot().rejected()).isEqualTo(rejectedBefore);
  }

  @Test
  void closeLeavesNoClientThreadsBehind() {
    BusClient c = connect("short-lived");
    c.subscribe("a.>", e -> {});
    c.close();
    clients.remove(c);
    await()
        .atMost(WAIT)
        .until(
            () ->
                Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().endsWith("-short-lived") && t.isAlive()));
    assertThat(c.publish("a.b", event("x", 1)).join().status())
        .isEqualTo(PublishResult.Status.NOT_SENT);
  }
}
