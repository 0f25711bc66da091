package io.onex.bus.protocol.codec;

import java.util.Arrays;

/**
 * Builds one DELIVER frame by appending deliveries whose event records are copied verbatim from the
 * frames they were published in. The broker keeps one per connection and flushes it whenever its
 * loop has drained its input, which is what makes batching natural. Not thread-safe.
 */
public final class DeliverWriter {
  private static final int COUNT_AT = 2;

  /** u32 subscription id, u64 sequence, u64 broker time, u8 length of the publisher's node id. */
  private static final int DELIVERY_HEADER_BYTES = 4 + 8 + 8 + 1;

  private final WireWriter w;
  private int count;

  public DeliverWriter(int initialCapacity) {
    w = new WireWriter(initialCapacity);
    reset();
  }

  /** Starts a new, empty frame. */
  public void reset() {
    w.reset();
    w.u8(FrameCodec.VERSION).u8(Command.DELIVER.code()).u16(0);
    count = 0;
  }

  public int count() {
    return count;
  }

  /** Bytes the frame would have now. */
  public int size() {
    return w.position();
  }

  /**
   * Bytes one delivery adds to a frame: its header (subscription id, sequence, broker time, the
   * publisher's node id with its length) and its event record of {@code recordLength} bytes.
   */
  public static int bytesFor(byte[] publisherNodeId, int recordLength) {
    return DELIVERY_HEADER_BYTES + publisherNodeId.length + recordLength;
  }

  /** Appends one delivery; the event is {@code record[offset, offset+length)} of its frame. */
  public void append(
      int subscriptionId,
      long sequence,
      long brokerTimeMicros,
      byte[] publisherNodeId,
      byte[] record,
      int offset,
      int length) {
    w.u32(subscriptionId).u64(sequence).u64(brokerTimeMicros);
    w.u8(publisherNodeId.length).bytes(publisherNodeId);
    w.bytes(record, offset, length);
    count++;
  }

  /** The finished frame; the writer is reset for the next one. */
  public byte[] finish() {
    w.putU16At(COUNT_AT, count);
    byte[] out = w.toByteArray();
    reset();
    return out;
  }

  /**
   * The finished frame as the first {@code length} bytes of {@code bytes}, which may be longer: a
   * large batch is handed over rather than copied (see {@link WireWriter#handOver}). When the frame
   * is byte for byte the same as {@code previous} (another connection's batch just cut, with the
   * same subscription id and the same events), {@code previous} itself is returned and this writer
   * keeps its buffer: with a 1→10 fan-out the broker then allocates one DELIVER array where it
   * allocated ten. A frame handed to ZeroMQ is never written again, so sharing it is safe. {@code
   * previous} may be null. The writer is reset for the next frame.
   */
  public Finished finishSharing(Finished previous) {
    w.putU16At(COUNT_AT, count);
    int length = w.position();
    if (previous != null
        && previous.length() == length
        && Arrays.equals(previous.bytes(), 0, length, w.buffer(), 0, length)) {
      reset();
      return previous;
    }
    byte[] bytes = w.handOver();
    reset();
    return new Finished(bytes, length);
  }

  /** A finished DELIVER frame: {@code bytes[0, length)}. */
  public record Finished(byte[] bytes, int length) {}
}
