package io.onex.bus.protocol.codec;

import io.onex.bus.protocol.ErrorCode;
import io.onex.bus.protocol.ProtocolException;

/**
 * An allocation-free reader of a PUBLISH frame: reads the header, then steps a caller-owned {@link
 * EventRecordView} through the events in order. The broker's loop uses it so that routing an event
 * never decodes its payload. Not thread-safe: one per thread.
 */
public final class PublishView {
  private byte[] frame;
  private int ref;
  private int count;
  private int next;
  private int index;

  /** Reads the PUBLISH header of {@code frame}; {@code maxEvents} bounds the batch. */
  public PublishView wrap(byte[] frame, int maxEvents) throws ProtocolException {
    WireReader r = new WireReader(frame);
    FrameCodec.readHeader(r, Command.PUBLISH);
    this.frame = frame;
    this.ref = r.u32();
    this.count = r.u16();
    if (count == 0) {
      throw new ProtocolException(ErrorCode.MALFORMED_FRAME, "PUBLISH carries no events", "");
    }
    if (count > maxEvents) {
      throw new ProtocolException(
          ErrorCode.BATCH_TOO_LARGE,
          "PUBLISH carries " + count + " events; this bus accepts at most " + maxEvents,
          "count=" + count);
    }
    this.next = r.position();
    this.index = 0;
    return this;
  }

  public int ref() {
    return ref;
  }

  public int count() {
    return count;
  }

  /** Whether another event follows. */
  public boolean hasNext() {
    return index < count;
  }

  /** Index of the event the next {@link #next} call reads. */
  public int index() {
    return index;
  }

  /**
   * Moves {@code view} to the next event. A structurally broken record throws, and the rest of the
   * frame cannot be trusted; the caller rejects it from here on.
   */
  public EventRecordView next(EventRecordView view) throws ProtocolException {
    view.wrap(frame, next, frame.length);
    next = view.nextOffset();
    index++;
    if (index == count && next != frame.length) {
      throw new ProtocolException(
          ErrorCode.MALFORMED_FRAME,
          "PUBLISH has " + (frame.length - next) + " trailing bytes after its last event",
          "");
    }
    return view;
  }
}
