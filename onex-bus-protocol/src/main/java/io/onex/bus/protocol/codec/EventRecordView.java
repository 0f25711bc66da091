package io.onex.bus.protocol.codec;

import io.onex.bus.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * A reusable, allocation-free view of one encoded {@link EventRecord} inside a frame: it checks the
 * record's structure once on {@link #wrap} and then exposes field offsets, so a broker can route
 * and copy the record without materialising it. Not thread-safe: one view per thread.
 */
public final class EventRecordView {
  private byte[] buf;
  private int start;
  private int end;
  private int flags;
  private int topicOffset;
  private int topicLength;
  private int typeOffset;
  private int typeLength;
  private int correlationOffset;
  private int correlationLength;
  private int tagsOffset;
  private int extensionsOffset;
  private int payloadOffset;
  private int payloadLength;

  /**
   * Points this view at the record starting at {@code offset} (its u32 length prefix) and checks
   * that every field lies inside the record and every string is UTF-8.
   */
  public EventRecordView wrap(byte[] frame, int offset, int limit) throws ProtocolException {
    WireReader r = new WireReader(frame, offset, limit);
    int length = r.length32("event record");
    buf = frame;
    start = offset;
    end = r.position() + length;
    WireReader f = new WireReader(frame, r.position(), end);
    flags = f.u8();
    topicLength = f.u8();
    topicOffset = f.position();
    checkedUtf8(f, topicLength);
    typeLength = f.u8();
    typeOffset = f.position();
    checkedUtf8(f, typeLength);
    correlationLength = f.u8();
    correlationOffset = f.position();
    checkedUtf8(f, correlationLength);
    tagsOffset = f.position();
    f.stringMap();
    extensionsOffset = f.position();
    f.stringMap();
    payloadLength = f.length32("payload");
    payloadOffset = f.position();
    f.skip(payloadLength);
    f.expectEnd("event record");
    return this;
  }

  private static void checkedUtf8(WireReader f, int n) throws ProtocolException {
    WireReader.checkUtf8(f.buffer(), f.position(), Math.min(n, f.remaining()));
    f.skip(n);
  }

  /**
   * Record flag set by a broker on an event it delivers although it failed its schema check
   * (permissive mode). Publishers send 0; the broker overwrites the flags of every event it routes.
   */
  public static final int FLAG_SCHEMA_INVALID = 0x01;

  /** Overwrites the record's flags byte in the underlying buffer (the broker's own frame copy). */
  public void setFlags(int value) {
    flags = value & 0xFF;
    buf[start + 4] = (byte) value;
  }

  /** Offset of the record's first byte (its length prefix) in the frame. */
  public int recordOffset() {
    return start;
  }

  /** Length of the whole record including its length prefix. */
  public int recordLength() {
    return end - start;
  }

  /** Offset just past this record: where the next one starts. */
  public int nextOffset() {
    return end;
  }

  public byte[] buffer() {
    return buf;
  }

  public int flags() {
    return flags;
  }

  public int topicOffset() {
    return topicOffset;
  }

  public int topicLength() {
    return topicLength;
  }

  /** The topic, decoded (allocates). */
  public String topic() {
    return new String(buf, topicOffset, topicLength, StandardCharsets.UTF_8);
  }

  /** The event type, decoded (allocates). */
  public String eventType() {
    return new String(buf, typeOffset, typeLength, StandardCharsets.UTF_8);
  }

  public int eventTypeLength() {
    return typeLength;
  }

  /** The correlation id, decoded; empty when the publisher gave none (allocates). */
  public String correlationId() {
    return new String(buf, correlationOffset, correlationLength, StandardCharsets.UTF_8);
  }

  public int eventTypeOffset() {
    return typeOffset;
  }

  public int correlationOffset() {
    return correlationOffset;
  }

  public int correlationLength() {
    return correlationLength;
  }

  /** Where the tags map starts (the extensions map follows it). */
  public int tagsOffset() {
    return tagsOffset;
  }

  /** Where the extensions map starts (the payload length follows it). */
  public int extensionsOffset() {
    return extensionsOffset;
  }

  public int payloadOffset() {
    return payloadOffset;
  }

  public int payloadLength() {
    return payloadLength;
  }

  /** Materialises the record (allocates; for tests, tools and clients, not the broker's loop). */
  public EventRecord toRecord() throws ProtocolException {
    WireReader f = new WireReader(buf, tagsOffset, end);
    var tags = f.stringMap();
    var ext = f.stringMap();
    byte[] payload = new byte[payloadLength];
    System.arraycopy(buf, payloadOffset, payload, 0, payloadLength);
    return new EventRecord(flags, topic(), eventType(), correlationId(), tags, ext, payload);
  }
}
