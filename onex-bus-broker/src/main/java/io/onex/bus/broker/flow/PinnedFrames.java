package io.onex.bus.broker.flow;

/**
 * PUBLISH frames that queued events point into instead of holding copies of their bytes. A burst
 * that outruns a subscriber's credit would otherwise copy every event into the subscription's queue
 * (one small array and object per event, which then lives long enough for the collector to copy it
 * again); a reference into the frame the events arrived in costs neither. The price is that one
 * queued event keeps its whole frame alive, so the total a bus pins is bounded: a new frame is
 * pinned only while the pinned total is at most {@link #FLOOR_BYTES} plus {@link #FACTOR} times the
 * bytes queued, and events are copied otherwise. Owned by the broker loop thread.
 */
public final class PinnedFrames {
  /** Pinned bytes always allowed, whatever is queued. */
  public static final long FLOOR_BYTES = 8L << 20;

  /** Pinned bytes allowed per byte queued. */
  public static final int FACTOR = 4;

  private long bytes;
  private long frames;

  /** Whether the events of one more frame may point into it while {@code queuedBytes} wait. */
  public boolean mayPin(long queuedBytes) {
    return bytes <= FLOOR_BYTES + FACTOR * queuedBytes;
  }

  /**
   * A handle on {@code frame}; it counts as pinned while a queue holds an event pointing into it.
   */
  public Frame frame(byte[] frame) {
    return new Frame(this, frame);
  }

  /** Bytes of the frames pinned now. */
  public long bytes() {
    return bytes;
  }

  /** Frames pinned now. */
  public long frames() {
    return frames;
  }

  /** One PUBLISH frame and how many queue entries point into it. */
  public static final class Frame {
    private final PinnedFrames owner;
    private final byte[] bytes;
    private int holders;

    private Frame(PinnedFrames owner, byte[] bytes) {
      this.owner = owner;
      this.bytes = bytes;
    }

    /** The frame's bytes. */
    public byte[] bytes() {
      return bytes;
    }

    void retain() {
      if (holders++ == 0) {
        owner.bytes += bytes.length;
        owner.frames++;
      }
    }

    void release() {
      if (--holders == 0) {
        owner.bytes -= bytes.length;
        owner.frames--;
      }
    }
  }
}
