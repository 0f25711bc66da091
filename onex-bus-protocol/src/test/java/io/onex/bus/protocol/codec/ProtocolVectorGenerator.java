package io.onex.bus.protocol.codec;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.event.OnexEvent;
import io.onex.bus.protocol.event.OnexEventJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Drafts docs/protocol-vectors. Its name does not end in {@code Test}, so the normal build never
 * runs it, and it is enabled only on request; run it by hand after a deliberate protocol change,
 * review the diff and commit the files. The files, not this class, are the source of truth that
 * {@link ProtocolVectorsTest} checks the codec against.
 *
 * <pre>
 * ./mvnw -q -o -pl onex-bus-protocol test -Dtest=ProtocolVectorGenerator -Donex.writeVectors=true
 * </pre>
 */
class ProtocolVectorGenerator {
  private static final Instant T0 = Instant.parse("2025-05-28T12:36:25.677980Z");
  private static final String NODE = "node-a";
  private static final String CORRELATION = "5c3d2a8e-6f7b-4f6e-9a1d-2b8c4e7f9a10";

  @Test
  @EnabledIfSystemProperty(named = "onex.writeVectors", matches = "true")
  void writeVectors() throws IOException {
    Path dir = ProtocolVectors.directory();
    for (Object[] v : valid()) {
      write(dir.resolve(v[0] + ".json"), (String) v[1], (Frame) v[2]);
    }
    for (Object[] v : invalid()) {
      writeInvalid(
          dir.resolve("invalid").resolve(v[0] + ".json"),
          (String) v[1],
          (byte[]) v[2],
          (ErrorCode) v[3]);
    }
  }

  private static List<Object[]> valid() {
    EventRecord start = nodeStart();
    List<EventRecord> batch = List.of(operationStart(), operationSuccess(), structuredLog());
    return List.of(
        v(
            "01-hello",
            "Client to broker, the first frame of every connection: node id, client name, an"
                + " empty auth proof (v1) and no properties.",
            new Frame.Hello(NODE, "onex-python/0.1", "", Map.of())),
        v(
            "02-welcome",
            "Broker to client: session 42 on bus 'user' with the default limits (1 MiB frames,"
                + " 1024 events a batch), unlimited default credit (0xFFFFFFFF), the broker's"
                + " clock, the last bus sequence (41) and the heartbeat_ms property.",
            new Frame.Welcome(
                42,
                "user",
                1 << 20,
                1024,
                Frame.Subscribe.UNLIMITED_CREDIT,
                micros(T0.plusMillis(3)),
                41,
                Map.of("heartbeat_ms", "2000"))),
        v(
            "03-publish-single",
            "PUBLISH ref 1 with one NODE_START event: no correlation id (empty str8, null in"
                + " the payload), no tags, no extensions. The payload has non-ASCII text, so"
                + " its length counts UTF-8 bytes, not characters.",
            new Frame.Publish(1, List.of(start))),
        v(
            "04-publish-batch",
            "PUBLISH ref 2 with a batch of 3 events: two telemetry events sharing a correlation"
                + " id and carrying tags, then a STRUCTURED_LOG event with neither.",
            new Frame.Publish(2, batch)),
        v(
            "05-subscribe",
            "SUBSCRIBE ref 3 opens subscription 1 on 'onex.evt.*.lifecycle.>' with the bus's"
                + " default queue size (0) and drop policy (0), unlimited credit and one"
                + " property that a v1 broker ignores (it does not know the key).",
            new Frame.Subscribe(
                3,
                1,
                "onex.evt.*.lifecycle.>",
                0,
                0,
                Frame.Subscribe.UNLIMITED_CREDIT,
                Map.of("x-example", "ignored by v1 brokers"))),
        v(
            "06-subscribe-system",
            "SUBSCRIBE ref 4 opens subscription 2 on the system topics of bus 'user' with a"
                + " queue of 5000 events, drop policy 2 (drop newest) and an initial credit"
                + " of 100.",
            new Frame.Subscribe(4, 2, "$onex.bus.user.>", 5000, 2, 100, Map.of())),
        v(
            "07-unsubscribe",
            "UNSUBSCRIBE ref 5 closes subscription 1.",
            new Frame.Unsubscribe(5, 1)),
        v(
            "08-credit",
            "CREDIT grants subscription 2 another 256 deliveries.",
            new Frame.Credit(2, 256)),
        v(
            "09-ack-publish",
            "ACK for PUBLISH ref 2: all 3 events accepted, numbered 42, 43 and 44.",
            new Frame.Ack(2, 3, 42)),
        v(
            "10-ack-subscribe",
            "ACK for SUBSCRIBE ref 3: count 1; the subscription took effect after bus sequence"
                + " 41 and receives every matching event numbered 42 or higher.",
            new Frame.Ack(3, 1, 41)),
        v(
            "11-deliver-batch",
            "DELIVER with 2 deliveries to subscription 1: the first two events of the batch"
                + " PUBLISH (sequences 42 and 43), stamped with the broker's acceptance time"
                + " and the publisher's node id; each event record is the published one, byte"
                + " for byte.",
            new Frame.Deliver(
                List.of(
                    new Delivery(1, 42, micros(T0.plusMillis(5)), NODE, batch.get(0)),
                    new Delivery(1, 43, micros(T0.plusMillis(5)), NODE, batch.get(1))))),
        v(
            "12-error-event",
            "ERROR for event 1 of PUBLISH ref 6: it used a system topic (INVALID_TOPIC, 2001).",
            new Frame.Error(
                6,
                1,
                ErrorCode.INVALID_TOPIC.code(),
                "topics starting with '$' are reserved for the bus",
                "$onex.bus.user.lifecycle")),
        v(
            "13-error-whole-frame",
            "ERROR about a whole frame (index 0xFFFF, ref 0): a PUBLISH sent before HELLO.",
            new Frame.Error(
                0,
                Frame.Error.WHOLE_FRAME,
                ErrorCode.HELLO_REQUIRED.code(),
                "send HELLO before PUBLISH",
                "PUBLISH")),
        v(
            "14-ping",
            "PING with a nonce above 2^63: the nonce is an unsigned 64-bit value.",
            new Frame.Ping(0xFEDCBA9876543210L)),
        v(
            "15-pong",
            "PONG answering 14-ping with the same nonce.",
            new Frame.Pong(0xFEDCBA9876543210L)),
        v(
            "16-bye-client",
            "BYE from a client that is leaving: reason code 0, empty reason.",
            new Frame.Bye(0, "")),
        v(
            "17-bye-broker",
            "BYE from a stopping broker: reason code 1, sent after the queued deliveries.",
            new Frame.Bye(1, "bus user stopping")),
        v(
            "18-gap",
            "GAP for subscription 7: its queue (drop-oldest) dropped 3 events, sequences 1001 to"
                + " 1007 (others between them went to other subscriptions); sent where the loss"
                + " happened, before the next delivery.",
            new Frame.Gap(7, 3, 1001, 1007)),
        v(
            "19-backpressure-on",
            "BACKPRESSURE on for topic sensors.raw: 5,000,000 bytes queued against a 4 MiB"
                + " high-water mark; publishers apply their policy until it is cleared.",
            new Frame.Backpressure(true, "sensors.raw", 5_000_000, 4_194_304)),
        v(
            "20-backpressure-off",
            "BACKPRESSURE cleared for the whole bus (empty scope): queued bytes fell below the"
                + " low-water mark.",
            new Frame.Backpressure(false, "", 1_048_576, 67_108_864)),
        v(
            "21-schema-error",
            "SCHEMA_ERROR for event 0 of PUBLISH ref 9 on a strict topic: its metadata breaks"
                + " version 2 of the schema registered for orders.>, whose hash is given; one"
                + " violation, a JSON Pointer into the event and the validator's message.",
            new Frame.SchemaError(
                9,
                0,
                ErrorCode.SCHEMA_VIOLATION.code(),
                "the event does not match the schema of orders.> (version 2)",
                "3f0b2c1e6a9d4b7c8e5f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d",
                "orders.>",
                2,
                List.of(
                    new io.onex.bus.protocol.schema.SchemaViolation(
                        "/metadata/qty", "/metadata/qty: integer found, string expected")),
                "{\"event_id\":\"9f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f11\",\"timestamp\":\"2025-05-28T1")),
        v(
            "22-deliver-flagged-invalid",
            "DELIVER of an event the broker let through although it failed its schema check"
                + " (permissive mode): record flags = 0x01 (schema_invalid).",
            new Frame.Deliver(
                List.of(new Delivery(1, 43, micros(T0), NODE, flagged(structuredLog()))))),
        v(
            "23-publish-traceparent",
            "PUBLISH ref 7 with one event carrying W3C trace context in its extensions map:"
                + " 'traceparent' (version 00, trace id, parent span id, flags 01 = sampled) and"
                + " 'tracestate'. The broker forwards them byte for byte; a receiver that finds a"
                + " traceparent not in the W3C format ignores it (docs/protocol.md section 13).",
            new Frame.Publish(7, List.of(traced()))));
  }

  private static EventRecord flagged(EventRecord e) {
    return new EventRecord(
        EventRecordView.FLAG_SCHEMA_INVALID,
        e.topic(),
        e.eventType(),
        e.correlationId(),
        e.tags(),
        e.extensions(),
        e.payload());
  }

  private static List<Object[]> invalid() {
    byte[] ping = FrameCodec.encode(new Frame.Ping(1));
    byte[] ack = FrameCodec.encode(new Frame.Ack(2, 3, 42));
    byte[] single = FrameCodec.encode(new Frame.Publish(1, List.of(nodeStart())));
    byte[] deliver =
        FrameCodec.encode(
            new Frame.Deliver(List.of(new Delivery(1, 42, micros(T0), NODE, structuredLog()))));
    byte[] subscribe =
        FrameCodec.encode(
            new Frame.Subscribe(3, 1, "a.>", 0, 0, -1, orderedMap("k1", "x", "k2", "y")));
    byte[] duplicateKey = subscribe.clone();
    duplicateKey[duplicateKey.length - 4] = '1'; // the second key "k2" becomes "k1"
    return List.of(
        bad("empty", "A zero-byte message has no header.", new byte[0], ErrorCode.MALFORMED_FRAME),
        bad(
            "header-truncated",
            "One byte: a version but no command.",
            new byte[] {1},
            ErrorCode.MALFORMED_FRAME),
        bad(
            "version-2",
            "A PING with version byte 2.",
            with(ping, 0, 2),
            ErrorCode.UNSUPPORTED_VERSION),
        bad(
            "unknown-command",
            "Command 0x50 (reserved for REQUEST, not part of v1).",
            new byte[] {1, 0x50},
            ErrorCode.UNKNOWN_COMMAND),
        bad(
            "ping-trailing-byte",
            "A PING with one byte after its nonce: trailing bytes are an error.",
            append(ping, 0),
            ErrorCode.MALFORMED_FRAME),
        bad(
            "ack-truncated",
            "An ACK missing the last byte of its sequence.",
            Arrays.copyOf(ack, ack.length - 1),
            ErrorCode.MALFORMED_FRAME),
        bad(
            "hello-overlong-utf8",
            "A HELLO whose node_id is C0 80, an overlong encoding of U+0000: not UTF-8.",
            new byte[] {1, 1, 2, (byte) 0xC0, (byte) 0x80, 0, 0, 0, 0},
            ErrorCode.MALFORMED_FRAME),
        bad(
            "hello-surrogate-utf8",
            "A HELLO whose node_id is ED A0 80, an encoded UTF-16 surrogate: not UTF-8.",
            new byte[] {1, 1, 3, (byte) 0xED, (byte) 0xA0, (byte) 0x80, 0, 0, 0, 0},
            ErrorCode.MALFORMED_FRAME),
        bad(
            "subscribe-duplicate-key",
            "A SUBSCRIBE whose properties map has the key 'k1' twice.",
            duplicateKey,
            ErrorCode.MALFORMED_FRAME),
        bad(
            "publish-no-events",
            "A PUBLISH with an event count of 0.",
            new byte[] {1, 0x10, 0, 0, 0, 1, 0, 0},
            ErrorCode.MALFORMED_FRAME),
        bad(
            "publish-record-length-huge",
            "A PUBLISH whose event record declares a length of 0xFFFFFFFF.",
            withU32(single, 8, 0xFFFFFFFF),
            ErrorCode.MALFORMED_FRAME),
        bad(
            "publish-payload-length-huge",
            "A PUBLISH whose payload length is one more than the record holds.",
            withU32(single, payloadLengthAt(single), payloadLength(single) + 1),
            ErrorCode.MALFORMED_FRAME),
        bad(
            "publish-trailing-bytes",
            "A PUBLISH with two bytes after its last event.",
            append(single, 0, 0),
            ErrorCode.MALFORMED_FRAME),
        bad(
            "deliver-count-too-high",
            "A DELIVER that announces 2 deliveries but carries 1.",
            with(deliver, 3, 2),
            ErrorCode.MALFORMED_FRAME));
  }

  // --- the events ------------------------------------------------------------------------------

  private static EventRecord nodeStart() {
    return record(
        "onex.evt.node-a.lifecycle.v1",
        event(
            "9f1c5a0e-2a52-4b7b-8f0e-3d2d7b3f5f11",
            T0,
            "NODE_START",
            null,
            orderedMap("node_name", NODE, "version", "1.0.0", "message", "démarrage ✓")),
        Map.of());
  }

  private static EventRecord operationStart() {
    return record(
        "onex.telemetry.node-a.operation.v1",
        event(
            "3b0e8c52-1f4d-4a9e-b6c7-0d2e5f8a1b3c",
            T0.plusMillis(1),
            "TELEMETRY_OPERATION_START",
            CORRELATION,
            orderedMap("operation", "scan", "target", "repo")),
        orderedMap("env", "dev", "operation", "scan"));
  }

  private static EventRecord operationSuccess() {
    return record(
        "onex.telemetry.node-a.operation.v1",
        event(
            "7a9d4e21-8c3b-4f5a-9e6d-1c2b3a4d5e6f",
            T0.plus(43, ChronoUnit.MILLIS),
            "TELEMETRY_OPERATION_SUCCESS",
            CORRELATION,
            orderedMap("operation", "scan", "result", "ok")),
        orderedMap("env", "dev", "operation", "scan"));
  }

  private static EventRecord structuredLog() {
    return record(
        "onex.log.node-a.v1",
        event(
            "c4f2e6a8-0b1d-4c3e-8f5a-6b7c8d9e0f1a",
            Instant.parse("2025-05-28T12:36:26Z"),
            "STRUCTURED_LOG",
            null,
            orderedMap("level", "INFO", "message", "scan finished")),
        Map.of());
  }

  private static EventRecord traced() {
    OnexEvent e =
        event(
            "e2a4c6d8-1b3d-4f5a-8c7e-9d0f1a2b3c4d",
            T0.plusMillis(7),
            "TELEMETRY_OPERATION_START",
            CORRELATION,
            orderedMap("operation", "deploy"));
    return new EventRecord(
        0,
        "onex.telemetry.node-a.operation.v1",
        e.eventType(),
        e.correlationId(),
        Map.of(),
        orderedMap(
            "traceparent",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "tracestate",
            "vendor=abc"),
        OnexEventJson.write(e));
  }

  private static OnexEvent event(
      String id, Instant at, String type, String correlation, Map<String, String> metadata) {
    ObjectNode m = OnexEventJson.mapper().createObjectNode();
    metadata.forEach(m::put);
    return new OnexEvent(UUID.fromString(id), at, NODE, type, correlation, m, null, Map.of());
  }

  private static EventRecord record(String topic, OnexEvent e, Map<String, String> tags) {
    return new EventRecord(
        0, topic, e.eventType(), e.correlationId(), tags, Map.of(), OnexEventJson.write(e));
  }

  // --- writing ---------------------------------------------------------------------------------

  private static void write(Path file, String description, Frame frame) throws IOException {
    ObjectNode o = FrameJson.JSON.createObjectNode();
    o.put("name", name(file));
    o.put("description", description);
    o.put("hex", ProtocolVectors.HEX.formatHex(FrameCodec.encode(frame)));
    o.set("frame", FrameJson.toJson(frame));
    save(file, o);
  }

  private static void writeInvalid(Path file, String description, byte[] bytes, ErrorCode code)
      throws IOException {
    ObjectNode o = FrameJson.JSON.createObjectNode();
    o.put("name", name(file));
    o.put("description", description);
    o.put("hex", ProtocolVectors.HEX.formatHex(bytes));
    o.put("error", code.name());
    o.put("error_code", code.code());
    save(file, o);
  }

  private static void save(Path file, ObjectNode o) throws IOException {
    Files.createDirectories(file.getParent());
    String json = writer().writeValueAsString(o) + "\n";
    Files.writeString(file, json, StandardCharsets.UTF_8);
  }

  private static ObjectWriter writer() {
    DefaultPrettyPrinter pp =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return FrameJson.JSON.writer(pp);
  }

  private static String name(Path file) {
    String n = file.getFileName().toString();
    return n.substring(0, n.length() - ".json".length());
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static Object[] v(String name, String description, Frame frame) {
    return new Object[] {name, description, frame};
  }

  private static Object[] bad(String name, String description, byte[] bytes, ErrorCode code) {
    return new Object[] {name, description, bytes, code};
  }

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  private static byte[] with(byte[] b, int at, int value) {
    byte[] out = b.clone();
    out[at] = (byte) value;
    return out;
  }

  private static byte[] withU32(byte[] b, int at, int value) {
    byte[] out = b.clone();
    ByteBuffer.wrap(out).putInt(at, value);
    return out;
  }

  private static byte[] append(byte[] b, int... extra) {
    byte[] out = Arrays.copyOf(b, b.length + extra.length);
    for (int i = 0; i < extra.length; i++) {
      out[b.length + i] = (byte) extra[i];
    }
    return out;
  }

  /** Offset of the payload length of the first event of a PUBLISH frame. */
  private static int payloadLengthAt(byte[] publish) {
    try {
      EventRecordView view = new PublishView().wrap(publish, 1).next(new EventRecordView());
      return view.payloadOffset() - 4;
    } catch (io.onex.bus.protocol.ProtocolException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int payloadLength(byte[] publish) {
    return ByteBuffer.wrap(publish).getInt(payloadLengthAt(publish));
  }
}
