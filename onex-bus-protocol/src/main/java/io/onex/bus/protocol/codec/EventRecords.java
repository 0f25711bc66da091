package io.onex.bus.protocol.codec;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes {@link EventRecord}s in their wire form ({@code u32 length} first). Used by the frame
 * codec and by publishers that encode an event once, on their own thread, and hand the bytes to an
 * I/O thread. Stateless; any thread.
 */
public final class EventRecords {
  private static final byte[] EMPTY = new byte[0];

  private EventRecords() {}

  /** Appends {@code record} to {@code w}. */
  public static void write(WireWriter w, EventRecord record) {
    int lengthAt = w.position();
    w.u32(0);
    w.u8(record.flags());
    w.str8(record.topic(), "topic");
    w.str8(record.eventType(), "event_type");
    w.str8(record.correlationId(), "correlation_id");
    w.stringMap(record.tags(), "tags");
    w.stringMap(record.extensions(), "extensions");
    w.u32(record.payload().length);
    w.bytes(record.payload());
    w.putU32At(lengthAt, w.position() - lengthAt - 4);
  }

  /**
   * A record without flags or extensions straight from its parts, into an array of exactly the
   * right size: the publisher's per-event path, which must not build an {@link EventRecord}.
   */
  public static byte[] encode(
      String topic,
      String eventType,
      String correlationId,
      Map<String, String> tags,
      byte[] payload) {
    return encode(topic, eventType, correlationId, tags, Map.of(), payload);
  }

  /**
   * The same with {@code extensions} (for example W3C trace context, docs/protocol.md §13), still
   * without building an {@link EventRecord}.
   */
  public static byte[] encode(
      String topic,
      String eventType,
      String correlationId,
      Map<String, String> tags,
      Map<String, String> extensions,
      byte[] payload) {
    if (tags.isEmpty() && extensions.isEmpty()) {
      return encodeExact(topic, eventType, correlationId, payload);
    }
    WireWriter w = new WireWriter(64 + topic.length() + eventType.length() + payload.length);
    int lengthAt = w.position();
    w.u32(0);
    w.u8(0);
    w.str8(topic, "topic");
    w.str8(eventType, "event_type");
    w.str8(correlationId, "correlation_id");
    w.stringMap(tags, "tags");
    w.stringMap(extensions, "extensions");
    w.u32(payload.length);
    w.bytes(payload);
    w.putU32At(lengthAt, w.position() - lengthAt - 4);
    return w.toByteArray();
  }

  /**
   * The common case, no tags and no extensions, written into an array of exactly the record's size:
   * one allocation and one copy of the payload, where the growable writer needs two of each.
   */
  private static byte[] encodeExact(
      String topic, String eventType, String correlationId, byte[] payload) {
    byte[] t = str8Bytes(topic, "topic");
    byte[] e = str8Bytes(eventType, "event_type");
    byte[] c = str8Bytes(correlationId, "correlation_id");
    // u32 length, u8 flags, three str8, two empty maps (u8 0 each), u32 payload length, payload
    int body = 1 + 1 + t.length + 1 + e.length + 1 + c.length + 1 + 1 + 4 + payload.length;
    byte[] out = new byte[4 + body];
    int at = 0;
    at = putU32(out, at, body);
    out[at++] = 0;
    at = putStr8(out, at, t);
    at = putStr8(out, at, e);
    at = putStr8(out, at, c);
    out[at++] = 0;
    out[at++] = 0;
    at = putU32(out, at, payload.length);
    System.arraycopy(payload, 0, out, at, payload.length);
    return out;
  }

  private static byte[] str8Bytes(String s, String field) {
    byte[] b = s == null ? EMPTY : s.getBytes(StandardCharsets.UTF_8);
    if (b.length > 0xFF) {
      throw new IllegalArgumentException(field + " is " + b.length + " bytes; the limit is 255");
    }
    return b;
  }

  private static int putStr8(byte[] out, int at, byte[] b) {
    out[at++] = (byte) b.length;
    System.arraycopy(b, 0, out, at, b.length);
    return at + b.length;
  }

  private static int putU32(byte[] out, int at, int v) {
    out[at] = (byte) (v >>> 24);
    out[at + 1] = (byte) (v >>> 16);
    out[at + 2] = (byte) (v >>> 8);
    out[at + 3] = (byte) v;
    return at + 4;
  }

  /** The record alone, as bytes. */
  public static byte[] encode(EventRecord record) {
    WireWriter w = new WireWriter(64 + record.payload().length);
    write(w, record);
    return w.toByteArray();
  }
}
