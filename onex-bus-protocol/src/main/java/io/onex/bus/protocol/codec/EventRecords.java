package io.onex.bus.protocol.codec;

import java.util.Map;

/**
 * Writes {@link EventRecord}s in their wire form ({@code u32 length} first). Used by the frame
 * codec and by publishers that encode an event once, on their own thread, and hand the bytes to an
 * I/O thread. Stateless; any thread.
 */
public final class EventRecords {
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

  /** The record alone, as bytes. */
  public static byte[] encode(EventRecord record) {
    WireWriter w = new WireWriter(64 + record.payload().length);
    write(w, record);
    return w.toByteArray();
  }
}
