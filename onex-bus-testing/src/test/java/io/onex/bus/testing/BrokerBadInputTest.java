package io.onex.bus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.onex.bus.broker.Broker;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.codec.EventRecord;
import io.onex.bus.protocol.codec.EventRecords;
import io.onex.bus.protocol.codec.Frame;
import io.onex.bus.protocol.codec.FrameCodec;
import io.onex.bus.protocol.codec.WireWriter;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.event.OnexEventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of the foundation issue against a live broker: the sender gets ERROR with the
 * right code and reference, the broker counts it and stays up, and good traffic between two other
 * peers still flows afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerBadInputTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private Broker broker;
  private RawPeer publisher;
  private RawPeer subscriber;
  private int ref = 100;

  @BeforeAll
  void start() {
    broker = TestBuses.start("bad", "limits: {max_frame_bytes: 4096}");
    publisher = new RawPeer(broker.endpoint());
    subscriber = new RawPeer(broker.endpoint());
    publisher.hello("good-publisher");
    subscriber.hello("good-subscriber");
    subscriber.send(
        new Frame.Subscribe(1, 7, "good.>", 0, 0, Frame.Subscribe.UNLIMITED_CREDIT, Map.of()));
    assertThat(subscriber.receive(WAIT)).isInstanceOf(Frame.Ack.class);
  }

  @AfterAll
  void stop() {
    publisher.close();
    subscriber.close();
    broker.close();
  }

  static byte[] json() {
    return OnexEventJson.write(OnexEvent.create("n", "NODE_START", null));
  }

  static byte[] publishFrame(int ref, String topic, byte[] payload) {
    return FrameCodec.encode(
        new Frame.Publish(ref, List.of(EventRecord.of(topic, "NODE_START", "c-1", payload))));
  }

  /** A PUBLISH whose topic bytes are not UTF-8: built by hand, since the encoder cannot. */
  static byte[] nonUtf8Topic(int ref) {
    WireWriter w = new WireWriter();
    w.u8(1).u8(0x10).u32(ref).u16(1);
    int at = w.position();
    w.u32(0).u8(0).u8(3).bytes(new byte[] {'a', (byte) 0xC3, (byte) 0x28});
    w.str8("NODE_START", "t").str8("", "c").u8(0).u8(0);
    byte[] p = json();
    w.u32(p.length).bytes(p);
    w.putU32At(at, w.position() - at - 4);
    return w.toByteArray();
  }

  static Stream<Arguments> badPublishes() {
    return Stream.of(
        Arguments.of(
            "topic with an empty token",
            (Supplier<byte[]>) () -> publishFrame(11, "a..b", json()),
            ErrorCode.INVALID_TOPIC,
            0),
        Arguments.of(
            "wildcard in a published topic",
            (Supplier<byte[]>) () -> publishFrame(12, "a.*.c", json()),
            ErrorCode.WILDCARD_IN_PUBLISH,
            0),
        Arguments.of(
            "system topic",
            (Supplier<byte[]>) () -> publishFrame(13, "$onex.bus.bad.lifecycle", json()),
            ErrorCode.INVALID_TOPIC,
            0),
        Arguments.of(
            "payload that is not JSON",
            (Supplier<byte[]>)
                () -> publishFrame(14, "a.b", "hello".getBytes(StandardCharsets.UTF_8)),
            ErrorCode.PAYLOAD_NOT_JSON,
            0),
        Arguments.of(
            "non-UTF-8 topic",
            (Supplier<byte[]>) () -> nonUtf8Topic(15),
            ErrorCode.MALFORMED_FRAME,
            0),
        Arguments.of(
            "truncated PUBLISH",
            (Supplier<byte[]>) () -> Arrays.copyOf(publishFrame(16, "a.b", json()), 40),
            ErrorCode.MALFORMED_FRAME,
            0),
        Arguments.of(
            "frame over the limit",
            (Supplier<byte[]>)
                () ->
                    publishFrame(
                        17,
                        "a.b",
                        ("{\"x\":\"" + "y".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8)),
            ErrorCode.FRAME_TOO_LARGE,
            Frame.Error.WHOLE_FRAME));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPublishes")
  void badPublishIsRejectedAndGoodTrafficStillFlows(
      String name, Supplier<byte[]> frame, ErrorCode expected, int expectedIndex) {
    long rejectedBefore = broker.snapshot().rejected(expected);
    byte[] bytes = frame.get();
    int expectedRef =
        ((bytes[2] & 0xFF) << 24)
            | ((bytes[3] & 0xFF) << 16)
            | ((bytes[4] & 0xFF) << 8)
            | (bytes[5] & 0xFF);
    publisher.sendBytes(bytes);
    Frame.Error error = firstError(publisher.receiveUntil(Frame.Error.class, WAIT));
    assertThat(error.code()).as(name).isEqualTo(expected.code());
    assertThat(error.ref()).isEqualTo(expectedRef);
    assertThat(error.message()).isNotBlank();
    if (expectedIndex != Frame.Error.WHOLE_FRAME) {
      assertThat(error.index()).isEqualTo(expectedIndex);
      // The frame is still answered by its ACK, with nothing accepted.
      Frame.Ack ack = (Frame.Ack) publisher.receive(WAIT);
      assertThat(ack.ref()).isEqualTo(expectedRef);
      assertThat(ack.count()).isZero();
    }
    awaitRejectCount(expected, rejectedBefore + 1);
    assertGoodTrafficFlows();
  }

  @Test
  void unknownCommandIsRejected() {
    publisher.sendBytes(new byte[] {1, 0x7E, 0, 0});
    Frame.Error e = (Frame.Error) publisher.receive(WAIT);
    assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_COMMAND.code());
    assertGoodTrafficFlows();
  }

  @Test
  void unsupportedVersionIsRejected() {
    publisher.sendBytes(new byte[] {9, 0x10, 0, 0, 0, 1});
    Frame.Error e = (Frame.Error) publisher.receive(WAIT);
    assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION.code());
    assertGoodTrafficFlows();
  }

  @Test
  void emptyAndOneByteFramesAreRejected() {
    publisher.sendBytes(new byte[0]);
    assertThat(((Frame.Error) publisher.receive(WAIT)).code())
        .isEqualTo(ErrorCode.MALFORMED_FRAME.code());
    publisher.sendBytes(new byte[] {1});
    assertThat(((Frame.Error) publisher.receive(WAIT)).code())
        .isEqualTo(ErrorCode.MALFORMED_FRAME.code());
    assertGoodTrafficFlows();
  }

  @Test
  void multipartMessageIsRejected() {
    publisher.sendMultipart(publishFrame(21, "good.x", json()), new byte[] {1, 2});
    Frame.Error e = (Frame.Error) publisher.receive(WAIT);
    assertThat(e.code()).isEqualTo(ErrorCode.MULTIPART_NOT_ALLOWED.code());
    assertGoodTrafficFlows();
  }

  @Test
  void publishBeforeHelloIsRejectedWithItsRef() {
    try (RawPeer stranger = new RawPeer(broker.endpoint())) {
      stranger.sendBytes(publishFrame(4242, "good.x", json()));
      Frame.Error e = (Frame.Error) stranger.receive(WAIT);
      assertThat(e.code()).isEqualTo(ErrorCode.HELLO_REQUIRED.code());
      assertThat(e.ref()).isEqualTo(4242);
    }
    assertGoodTrafficFlows();
  }

  @Test
  void badSubscriptionsAreRejected() {
    publisher.send(new Frame.Subscribe(31, 1, "a.>.b", 0, 0, -1, Map.of()));
    assertThat(((Frame.Error) publisher.receive(WAIT)).code())
        .isEqualTo(ErrorCode.INVALID_PATTERN.code());
    publisher.send(new Frame.Subscribe(32, 1, "a.b", -5, 0, -1, Map.of()));
    assertThat(((Frame.Error) publisher.receive(WAIT)).code())
        .isEqualTo(ErrorCode.INVALID_QUEUE_SIZE.code());
    publisher.send(new Frame.Subscribe(34, 2, "a.b", 0, 0, -1, Map.of("tags", "region ~ eu")));
    assertThat(((Frame.Error) publisher.receive(WAIT)).code())
        .isEqualTo(ErrorCode.INVALID_FILTER.code());
    publisher.send(new Frame.Unsubscribe(33, 999));
    assertThat(((Frame.Error) publisher.receive(WAIT)).code())
        .isEqualTo(ErrorCode.UNKNOWN_SUBSCRIPTION.code());
    assertGoodTrafficFlows();
  }

  @Test
  void oneBadEventInABatchDoesNotLoseTheOthers() {
    List<EventRecord> batch =
        List.of(
            EventRecord.of("good.one", "NODE_START", "", json()),
            EventRecord.of("bad..topic", "NODE_START", "", json()),
            EventRecord.of("good.two", "NODE_START", "", json()));
    publisher.send(new Frame.Publish(41, batch));
    List<Frame> answers = publisher.receiveUntil(Frame.Ack.class, WAIT);
    Frame.Error error = firstError(answers);
    assertThat(error.index()).isEqualTo(1);
    Frame.Ack ack = (Frame.Ack) answers.get(answers.size() - 1);
    assertThat(ack.count()).isEqualTo(2);
    List<Frame> delivered = subscriber.receiveUntil(Frame.Deliver.class, WAIT);
    var deliveries = ((Frame.Deliver) delivered.get(delivered.size() - 1)).deliveries();
    if (deliveries.size() == 1) {
      deliveries =
          List.of(
              deliveries.get(0), ((Frame.Deliver) subscriber.receive(WAIT)).deliveries().get(0));
    }
    assertThat(deliveries)
        .extracting(d -> d.event().topic())
        .containsExactly("good.one", "good.two");
    assertThat(deliveries.get(1).sequence()).isEqualTo(deliveries.get(0).sequence() + 1);
    assertThat(ack.sequence()).isEqualTo(deliveries.get(0).sequence());
  }

  private static Frame.Error firstError(List<Frame> frames) {
    return frames.stream()
        .filter(Frame.Error.class::isInstance)
        .map(Frame.Error.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no ERROR in " + frames));
  }

  private void awaitRejectCount(ErrorCode code, long atLeast) {
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(() -> broker.snapshot().rejected(code) >= atLeast);
  }

  /** A good event from the publisher reaches the subscriber, byte for byte. */
  private void assertGoodTrafficFlows() {
    int r = ++ref;
    byte[] payload = json();
    publisher.send(
        new Frame.Publish(
            r, List.of(EventRecord.of("good.check", "NODE_START", "corr-" + r, payload))));
    Frame.Ack ack = (Frame.Ack) publisher.receive(WAIT);
    assertThat(ack.ref()).isEqualTo(r);
    assertThat(ack.count()).isEqualTo(1);
    Frame.Deliver d = (Frame.Deliver) subscriber.receive(WAIT);
    assertThat(d.deliveries()).hasSize(1);
    assertThat(d.deliveries().get(0).sequence()).isEqualTo(ack.sequence());
    assertThat(d.deliveries().get(0).event().payload()).isEqualTo(payload);
    assertThat(d.deliveries().get(0).event().correlationId()).isEqualTo("corr-" + r);
    assertThat(d.deliveries().get(0).publisherNodeId()).isEqualTo("good-publisher");
    assertThat(EventRecords.encode(d.deliveries().get(0).event())).isNotEmpty();
    assertThat(broker.loopErrors()).isZero();
  }
}
