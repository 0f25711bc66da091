package io.onex.bus.protocol.codec;

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

  /** The record alone, as bytes. */
  public static byte[] encode(EventRecord record) {
    WireWriter w = new WireWriter(64 + record.payload().length);
    write(w, record);
    return w.toByteArray();
  }
}
