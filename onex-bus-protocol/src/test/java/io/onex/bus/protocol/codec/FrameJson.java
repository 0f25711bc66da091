package io.onex.bus.protocol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.schema.SchemaViolation;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of a frame used by docs/protocol-vectors: {@code "command"} plus every field in
 * snake_case and wire order, unsigned integers as plain JSON numbers, payloads as {@code
 * payload_utf8}. Strict both ways: a missing, unknown or out-of-range field fails the test.
 */
final class FrameJson {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private FrameJson() {}

  /** Builds the frame a vector's {@code "frame"} object describes. */
  static Frame toFrame(JsonNode json) {
    Fields f = new Fields(json);
    Command command = Command.valueOf(f.text("command"));
    Frame frame =
        switch (command) {
          case HELLO ->
              new Frame.Hello(
                  f.text("node_id"),
                  f.text("client_name"),
                  f.text("auth_proof"),
                  f.map("properties"));
          case WELCOME ->
              new Frame.Welcome(
                  f.u64("session_id"),
                  f.text("bus"),
                  f.u32("max_frame_bytes"),
                  f.u32("max_batch_events"),
                  f.u32("default_credit"),
                  f.u64("broker_time_micros"),
                  f.u64("last_sequence"),
                  f.map("properties"));
          case PUBLISH -> new Frame.Publish(f.u32("ref"), events(f.array("events")));
          case SUBSCRIBE ->
              new Frame.Subscribe(
                  f.u32("ref"),
                  f.u32("subscription_id"),
                  f.text("pattern"),
                  f.u32("queue_size"),
                  f.uint("drop_policy", 0xFF),
                  f.u32("initial_credit"),
                  f.map("properties"));
          case UNSUBSCRIBE -> new Frame.Unsubscribe(f.u32("ref"), f.u32("subscription_id"));
          case CREDIT -> new Frame.Credit(f.u32("subscription_id"), f.u32("credit"));
          case ACK -> new Frame.Ack(f.u32("ref"), f.u32("count"), f.u64("sequence"));
          case DELIVER -> new Frame.Deliver(deliveries(f.array("deliveries")));
          case GAP ->
              new Frame.Gap(
                  f.u32("subscription_id"),
                  f.u64("lost"),
                  f.u64("first_sequence"),
                  f.u64("last_sequence"));
          case BACKPRESSURE ->
              new Frame.Backpressure(
                  f.uint("state", 1) == 1,
                  f.text("scope"),
                  f.u64("queued_bytes"),
                  f.u64("high_water_bytes"));
          case ERROR -> error(f);
          case SCHEMA_ERROR -> schemaError(f);
          case PING -> new Frame.Ping(f.u64("nonce"));
          case PONG -> new Frame.Pong(f.u64("nonce"));
          case BYE -> new Frame.Bye(f.uint("reason_code", 0xFFFF), f.text("reason"));
        };
    f.expectAllRead();
    return frame;
  }

  private static Frame.Error error(Fields f) {
    int code = f.uint("code", 0xFFFF);
    String name = f.text("code_name");
    ErrorCode known = ErrorCode.fromCode(code);
    if (known == null || !known.name().equals(name)) {
      throw new IllegalArgumentException("code " + code + " is not " + name);
    }
    return new Frame.Error(
        f.u32("ref"), f.uint("index", 0xFFFF), code, f.text("message"), f.text("offending"));
  }

  private static Frame.SchemaError schemaError(Fields f) {
    int code = f.uint("code", 0xFFFF);
    String name = f.text("code_name");
    ErrorCode known = ErrorCode.fromCode(code);
    if (known == null || !known.name().equals(name)) {
      throw new IllegalArgumentException("code " + code + " is not " + name);
    }
    int ref = f.u32("ref");
    int index = f.uint("index", 0xFFFF);
    String message = f.text("message");
    String hash = f.text("schema_hash");
    String topic = f.text("schema_topic");
    long version = f.u32("schema_version") & 0xFFFF_FFFFL;
    List<SchemaViolation> violations = new ArrayList<>();
    for (JsonNode v : f.array("violations")) {
      violations.add(new SchemaViolation(v.get("pointer").asText(), v.get("message").asText()));
    }
    return new Frame.SchemaError(
        ref, index, code, message, hash, topic, version, violations, f.text("offending"));
  }

  private static List<EventRecord> events(JsonNode array) {
    List<EventRecord> out = new ArrayList<>();
    for (JsonNode e : array) {
      out.add(event(e));
    }
    return out;
  }

  private static List<Delivery> deliveries(JsonNode array) {
    List<Delivery> out = new ArrayList<>();
    for (JsonNode d : array) {
      Fields f = new Fields(d);
      out.add(
          new Delivery(
              f.u32("subscription_id"),
              f.u64("sequence"),
              f.u64("broker_time_micros"),
              f.text("publisher_node_id"),
              event(f.node("event"))));
      f.expectAllRead();
    }
    return out;
  }

  static EventRecord event(JsonNode json) {
    Fields f = new Fields(json);
    EventRecord e =
        new EventRecord(
            f.uint("flags", 0xFF),
            f.text("topic"),
            f.text("event_type"),
            f.text("correlation_id"),
            f.map("tags"),
            f.map("extensions"),
            f.text("payload_utf8").getBytes(StandardCharsets.UTF_8));
    f.expectAllRead();
    return e;
  }

  /** The JSON form of {@code frame}: what the generator writes into a vector. */
  static ObjectNode toJson(Frame frame) {
    ObjectNode o = NODES.objectNode();
    o.put("command", frame.command().name());
    switch (frame.command()) {
      case HELLO -> {
        Frame.Hello h = (Frame.Hello) frame;
        o.put("node_id", h.nodeId());
        o.put("client_name", h.clientName());
        o.put("auth_proof", h.authProof());
        o.set("properties", map(h.properties()));
      }
      case WELCOME -> {
        Frame.Welcome w = (Frame.Welcome) frame;
        o.put("session_id", u64(w.sessionId()));
        o.put("bus", w.busName());
        o.put("max_frame_bytes", u32(w.maxFrameBytes()));
        o.put("max_batch_events", u32(w.maxBatchEvents()));
        o.put("default_credit", u32(w.defaultCredit()));
        o.put("broker_time_micros", u64(w.brokerTimeMicros()));
        o.put("last_sequence", u64(w.lastSequence()));
        o.set("properties", map(w.properties()));
      }
      case PUBLISH -> {
        Frame.Publish p = (Frame.Publish) frame;
        o.put("ref", u32(p.ref()));
        ArrayNode events = o.putArray("events");
        p.events().forEach(e -> events.add(event(e)));
      }
      case SUBSCRIBE -> {
        Frame.Subscribe s = (Frame.Subscribe) frame;
        o.put("ref", u32(s.ref()));
        o.put("subscription_id", u32(s.subscriptionId()));
        o.put("pattern", s.pattern());
        o.put("queue_size", u32(s.queueSize()));
        o.put("drop_policy", s.dropPolicy());
        o.put("initial_credit", u32(s.initialCredit()));
        o.set("properties", map(s.properties()));
      }
      case UNSUBSCRIBE -> {
        Frame.Unsubscribe u = (Frame.Unsubscribe) frame;
        o.put("ref", u32(u.ref()));
        o.put("subscription_id", u32(u.subscriptionId()));
      }
      case CREDIT -> {
        Frame.Credit c = (Frame.Credit) frame;
        o.put("subscription_id", u32(c.subscriptionId()));
        o.put("credit", u32(c.credit()));
      }
      case ACK -> {
        Frame.Ack a = (Frame.Ack) frame;
        o.put("ref", u32(a.ref()));
        o.put("count", u32(a.count()));
        o.put("sequence", u64(a.sequence()));
      }
      case DELIVER -> {
        Frame.Deliver d = (Frame.Deliver) frame;
        ArrayNode list = o.putArray("deliveries");
        for (Delivery x : d.deliveries()) {
          ObjectNode n = list.addObject();
          n.put("subscription_id", u32(x.subscriptionId()));
          n.put("sequence", u64(x.sequence()));
          n.put("broker_time_micros", u64(x.brokerTimeMicros()));
          n.put("publisher_node_id", x.publisherNodeId());
          n.set("event", event(x.event()));
        }
      }
      case ERROR -> {
        Frame.Error e = (Frame.Error) frame;
        o.put("ref", u32(e.ref()));
        o.put("index", e.index());
        o.put("code", e.code());
        o.put("code_name", ErrorCode.fromCode(e.code()).name());
        o.put("message", e.message());
        o.put("offending", e.offending());
      }
      case SCHEMA_ERROR -> {
        Frame.SchemaError e = (Frame.SchemaError) frame;
        o.put("ref", u32(e.ref()));
        o.put("index", e.index());
        o.put("code", e.code());
        o.put("code_name", ErrorCode.fromCode(e.code()).name());
        o.put("message", e.message());
        o.put("schema_hash", e.schemaHash());
        o.put("schema_topic", e.schemaTopic());
        o.put("schema_version", e.schemaVersion());
        ArrayNode list = o.putArray("violations");
        for (SchemaViolation v : e.violations()) {
          list.addObject().put("pointer", v.pointer()).put("message", v.message());
        }
        o.put("offending", e.offending());
      }
      case GAP -> {
        Frame.Gap g = (Frame.Gap) frame;
        o.put("subscription_id", u32(g.subscriptionId()));
        o.put("lost", u64(g.lost()));
        o.put("first_sequence", u64(g.firstSequence()));
        o.put("last_sequence", u64(g.lastSequence()));
      }
      case BACKPRESSURE -> {
        Frame.Backpressure b = (Frame.Backpressure) frame;
        o.put("state", b.on() ? 1 : 0);
        o.put("scope", b.scope());
        o.put("queued_bytes", u64(b.queuedBytes()));
        o.put("high_water_bytes", u64(b.highWaterBytes()));
      }
      case PING -> o.put("nonce", u64(((Frame.Ping) frame).nonce()));
      case PONG -> o.put("nonce", u64(((Frame.Pong) frame).nonce()));
      case BYE -> {
        Frame.Bye b = (Frame.Bye) frame;
        o.put("reason_code", b.reasonCode());
        o.put("reason", b.reason());
      }
    }
    return o;
  }

  static ObjectNode event(EventRecord e) {
    ObjectNode o = NODES.objectNode();
    o.put("flags", e.flags());
    o.put("topic", e.topic());
    o.put("event_type", e.eventType());
    o.put("correlation_id", e.correlationId());
    o.set("tags", map(e.tags()));
    o.set("extensions", map(e.extensions()));
    o.put("payload_utf8", new String(e.payload(), StandardCharsets.UTF_8));
    return o;
  }

  private static ObjectNode map(Map<String, String> map) {
    ObjectNode o = NODES.objectNode();
    map.forEach(o::put);
    return o;
  }

  private static long u32(int v) {
    return Integer.toUnsignedLong(v);
  }

  private static BigInteger u64(long v) {
    return new BigInteger(Long.toUnsignedString(v));
  }

  /** Reads the fields of one JSON object and remembers which were read. */
  private static final class Fields {
    private final JsonNode node;
    private final Set<String> read = new HashSet<>();

    Fields(JsonNode node) {
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("expected a JSON object, got " + node);
      }
      this.node = node;
    }

    JsonNode node(String name) {
      JsonNode n = node.get(name);
      if (n == null) {
        throw new IllegalArgumentException("missing field " + name + " in " + node);
      }
      read.add(name);
      return n;
    }

    String text(String name) {
      JsonNode n = node(name);
      if (!n.isTextual()) {
        throw new IllegalArgumentException(name + " must be a string");
      }
      return n.textValue();
    }

    JsonNode array(String name) {
      JsonNode n = node(name);
      if (!n.isArray()) {
        throw new IllegalArgumentException(name + " must be an array");
      }
      return n;
    }

    Map<String, String> map(String name) {
      JsonNode n = node(name);
      if (!n.isObject()) {
        throw new IllegalArgumentException(name + " must be an object");
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (!e.getValue().isTextual()) {
          throw new IllegalArgumentException(name + "." + e.getKey() + " must be a string");
        }
        out.put(e.getKey(), e.getValue().textValue());
      }
      return out;
    }

    int uint(String name, long max) {
      BigInteger v = integer(name);
      if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
        throw new IllegalArgumentException(name + " = " + v + " is outside 0.." + max);
      }
      return v.intValue();
    }

    int u32(String name) {
      return uint(name, 0xFFFFFFFFL);
    }

    long u64(String name) {
      BigInteger v = integer(name);
      if (v.signum() < 0 || v.compareTo(U64_MAX) > 0) {
        throw new IllegalArgumentException(name + " = " + v + " is not a u64");
      }
      return v.longValue();
    }

    private BigInteger integer(String name) {
      JsonNode n = node(name);
      if (!n.isIntegralNumber()) {
        throw new IllegalArgumentException(name + " must be an integer");
      }
      return n.bigIntegerValue();
    }

    void expectAllRead() {
      Set<String> unknown = new HashSet<>();
      node.fieldNames().forEachRemaining(unknown::add);
      unknown.removeAll(read);
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("unknown fields " + unknown + " in " + node);
      }
    }
  }
}
