package io.onex.bus.protocol.codec;

import static io.onex.bus.protocol.codec.PublishViewTest.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.schema.SchemaViolation;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The header, the command table and the encoder's field limits. */
class FrameCodecTest {

  @Test
  void commandCodesAreTheDocumentedOnes() {
    assertThat(Command.HELLO.code()).isEqualTo(0x01);
    assertThat(Command.WELCOME.code()).isEqualTo(0x02);
    assertThat(Command.PUBLISH.code()).isEqualTo(0x10);
    assertThat(Command.SUBSCRIBE.code()).isEqualTo(0x11);
    assertThat(Command.UNSUBSCRIBE.code()).isEqualTo(0x12);
    assertThat(Command.CREDIT.code()).isEqualTo(0x13);
    assertThat(Command.ACK.code()).isEqualTo(0x14);
    assertThat(Command.DELIVER.code()).isEqualTo(0x20);
    assertThat(Command.ERROR.code()).isEqualTo(0x30);
    assertThat(Command.PING.code()).isEqualTo(0x40);
    assertThat(Command.PONG.code()).isEqualTo(0x41);
    assertThat(Command.BYE.code()).isEqualTo(0x4F);
    assertThat(FrameCodec.VERSION).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Command.class)
  void fromCodeFindsEveryCommand(Command c) {
    assertThat(Command.fromCode(c.code())).isSameAs(c);
  }

  @Test
  void everyOtherCodeIsUnknown() {
    Set<Integer> known = new HashSet<>();
    Arrays.stream(Command.values()).forEach(c -> known.add(c.code()));
    for (int code = -1; code <= 256; code++) {
      if (!known.contains(code)) {
        assertThat(Command.fromCode(code)).as("code %d", code).isNull();
        if (code >= 0 && code < 256) {
          byte[] frame = {1, (byte) code};
          assertCode(() -> FrameCodec.commandOf(frame), ErrorCode.UNKNOWN_COMMAND);
          assertCode(() -> FrameCodec.decode(frame), ErrorCode.UNKNOWN_COMMAND);
        }
      }
    }
  }

  @Test
  void aFrameShorterThanTheHeaderIsMalformed() {
    assertCode(() -> FrameCodec.decode(new byte[0]), ErrorCode.MALFORMED_FRAME);
    assertCode(() -> FrameCodec.decode(new byte[] {1}), ErrorCode.MALFORMED_FRAME);
    assertCode(() -> FrameCodec.commandOf(new byte[] {1}), ErrorCode.MALFORMED_FRAME);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 0x7F, 0xFF})
  void otherVersionsAreUnsupported(int version) {
    byte[] frame = FrameCodec.encode(new Frame.Ping(5));
    frame[0] = (byte) version;

    assertCode(() -> FrameCodec.decode(frame), ErrorCode.UNSUPPORTED_VERSION);
    assertCode(() -> FrameCodec.commandOf(frame), ErrorCode.UNSUPPORTED_VERSION);
  }

  @Test
  void commandOfReadsOnlyTheHeader() throws Exception {
    assertThat(FrameCodec.commandOf(new byte[] {1, 0x10})).isEqualTo(Command.PUBLISH);
    assertThat(FrameCodec.commandOf(new byte[] {1, 0x4F, 9, 9, 9})).isEqualTo(Command.BYE);
  }

  @Test
  void fixedSizeFramesHaveTheirDocumentedSizes() {
    assertThat(FrameCodec.encode(new Frame.Unsubscribe(1, 2))).hasSize(10);
    assertThat(FrameCodec.encode(new Frame.Credit(1, 2))).hasSize(10);
    assertThat(FrameCodec.encode(new Frame.Ack(1, 2, 3))).hasSize(18);
    assertThat(FrameCodec.encode(new Frame.Ping(1))).hasSize(10);
    assertThat(FrameCodec.encode(new Frame.Pong(1))).hasSize(10);
    assertThat(FrameCodec.encode(new Frame.Bye(0, ""))).hasSize(6);
  }

  @ParameterizedTest
  @EnumSource(Command.class)
  void trailingBytesAreRejectedForEveryCommand(Command c) {
    byte[] good = FrameCodec.encode(sample(c));
    byte[] frame = Arrays.copyOf(good, good.length + 1);

    assertCode(() -> FrameCodec.decode(frame), ErrorCode.MALFORMED_FRAME);
  }

  @ParameterizedTest
  @EnumSource(Command.class)
  void everyTruncationIsRejectedForEveryCommand(Command c) {
    byte[] good = FrameCodec.encode(sample(c));
    for (int n = 0; n < good.length; n++) {
      byte[] cut = Arrays.copyOf(good, n);
      assertCode(() -> FrameCodec.decode(cut), ErrorCode.MALFORMED_FRAME);
    }
  }

  @Test
  void nullStringsAreWrittenEmpty() throws Exception {
    byte[] frame = FrameCodec.encode(new Frame.Hello("n", null, null, Map.of()));

    assertThat(FrameCodec.decode(frame)).isEqualTo(new Frame.Hello("n", "", "", Map.of()));
  }

  @Test
  void oversizeFieldsAreRefusedByTheEncoder() {
    String s256 = "a".repeat(256);
    String s65536 = "a".repeat(65536);
    Map<String, String> big = new java.util.LinkedHashMap<>();
    for (int i = 0; i < 256; i++) {
      big.put("k" + i, "");
    }
    assertEncodeFails(new Frame.Hello(s256, "", "", Map.of()), "node_id");
    assertEncodeFails(new Frame.Hello("n", "é".repeat(128), "", Map.of()), "client_name");
    assertEncodeFails(new Frame.Hello("n", "", s65536, Map.of()), "auth_proof");
    assertEncodeFails(new Frame.Hello("n", "", "", big), "properties");
    assertEncodeFails(new Frame.Hello("n", "", "", Map.of(s256, "")), "properties key");
    assertEncodeFails(new Frame.Hello("n", "", "", Map.of("k", s65536)), "properties value");
    assertEncodeFails(
        new Frame.Publish(1, List.of(EventRecord.of(s256, "T", "", new byte[0]))), "topic");
    assertEncodeFails(
        new Frame.Publish(1, List.of(EventRecord.of("t", s256, "", new byte[0]))), "event_type");
    assertEncodeFails(
        new Frame.Publish(1, List.of(EventRecord.of("t", "T", s256, new byte[0]))),
        "correlation_id");
    assertEncodeFails(new Frame.Error(1, 0, 1001, s65536, ""), "message");
    assertEncodeFails(new Frame.Bye(0, s65536), "reason");
    List<EventRecord> tooMany =
        java.util.Collections.nCopies(65536, EventRecord.of("t", "T", "", new byte[0]));
    assertThatThrownBy(() -> FrameCodec.encode(new Frame.Publish(1, tooMany)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fieldsAtTheirLimitsAreFine() throws Exception {
    Frame f = new Frame.Hello("a".repeat(255), "é".repeat(127), "€".repeat(21845), Map.of("k", ""));

    assertThat(FrameCodec.decode(FrameCodec.encode(f))).isEqualTo(f);
  }

  @Test
  void errorCodesAreStableAndUnique() {
    Set<Integer> codes = new HashSet<>();
    for (ErrorCode c : ErrorCode.values()) {
      assertThat(codes.add(c.code())).as("%s", c).isTrue();
      assertThat(c.code()).isBetween(1000, 0xFFFF);
      assertThat(ErrorCode.fromCode(c.code())).isSameAs(c);
    }
    assertThat(ErrorCode.fromCode(0)).isNull();
    assertThat(ErrorCode.MALFORMED_FRAME.code()).isEqualTo(1001);
    assertThat(ErrorCode.INVALID_TOPIC.code()).isEqualTo(2001);
    assertThat(ErrorCode.PAYLOAD_NOT_JSON.code()).isEqualTo(3001);
    assertThat(ErrorCode.UNKNOWN_SUBSCRIPTION.code()).isEqualTo(4001);
    assertThat(ErrorCode.SHUTTING_DOWN.code()).isEqualTo(5001);
  }

  private static void assertEncodeFails(Frame f, String field) {
    assertThatThrownBy(() -> FrameCodec.encode(f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(field);
  }

  static Frame sample(Command c) {
    EventRecord e =
        new EventRecord(
            0, "a.b", "NODE_START", "c", Map.of("t", "v"), Map.of("x", "y"), "{}".getBytes());
    return switch (c) {
      case HELLO -> new Frame.Hello("node", "client", "", Map.of("k", "v"));
      case WELCOME -> new Frame.Welcome(1, "bus", 1 << 20, 1024, -1, 2, 3, Map.of("k", "v"));
      case PUBLISH -> new Frame.Publish(1, List.of(e, e));
      case SUBSCRIBE -> new Frame.Subscribe(1, 2, "a.>", 0, 0, -1, Map.of("k", "v"));
      case UNSUBSCRIBE -> new Frame.Unsubscribe(1, 2);
      case CREDIT -> new Frame.Credit(1, 2);
      case ACK -> new Frame.Ack(1, 2, 3);
      case DELIVER -> new Frame.Deliver(List.of(new Delivery(1, 2, 3, "n", e)));
      case GAP -> new Frame.Gap(7, 3, 10, 14);
      case BACKPRESSURE -> new Frame.Backpressure(true, "telemetry.raw", 5_000_000, 4_194_304);
      case ERROR -> new Frame.Error(1, 0xFFFF, 1001, "m", "o");
      case SCHEMA_ERROR ->
          new Frame.SchemaError(
              1,
              0,
              7001,
              "m",
              "ab".repeat(32),
              "a.>",
              2,
              List.of(new SchemaViolation("/metadata/x", "required")),
              "{}");
      case PING -> new Frame.Ping(1);
      case PONG -> new Frame.Pong(1);
      case BYE -> new Frame.Bye(1, "r");
    };
  }
}
