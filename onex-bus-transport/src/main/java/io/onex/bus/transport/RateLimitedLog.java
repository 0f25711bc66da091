package io.onex.bus.transport;

import java.util.function.LongConsumer;

/**
 * Lets at most {@code perWindow} lines through per window and reports how many it held back when
 * the next window opens, so a flood of bad input cannot flood the log but is never invisible. Owned
 * by one thread.
 */
public final class RateLimitedLog {
  private final int perWindow;
  private final long windowMillis;
  private long windowStart = Long.MIN_VALUE;
  private int used;
  private long suppressed;

  public RateLimitedLog(int perWindow, long windowMillis) {
    this.perWindow = perWindow;
    this.windowMillis = windowMillis;
  }

  /**
   * Whether a line may be logged now. When a new window opens and lines were held back in the last
   * one, {@code reportSuppressed} is told how many first.
   */
  public boolean tryAcquire(long nowMillis, LongConsumer reportSuppressed) {
    if (nowMillis - windowStart >= windowMillis) {
      if (suppressed > 0) {
        reportSuppressed.accept(suppressed);
      }
      windowStart = nowMillis;
      used = 0;
      suppressed = 0;
    }
    if (used < perWindow) {
      used++;
      return true;
    }
    suppressed++;
    return false;
  }
}
