package io.onex.bus.transport;

import java.util.function.LongConsumer;
import org.slf4j.Logger;

/**
 * Lets at most {@code perWindow} lines through per window and reports how many it held back when
 * the next window opens, so a flood of bad input cannot flood the log but is never invisible. Owned
 * by one thread.
 */
public final class RateLimitedLog {
  private final int perWindow;
  private final long windowMillis;
  private boolean started;
  private long windowStart;
  private int used;
  private long suppressed;

  /**
   * A {@code reportSuppressed} for {@link #tryAcquire} that writes the structured {@code
   * LOG_SUPPRESSED} line (docs/operations.md): fields {@code event}, {@code bus} unless null, and
   * {@code suppressed}, saying how many {@code what} lines were held back.
   */
  public static LongConsumer suppressedLine(Logger log, String bus, String what) {
    return n -> {
      var line = log.atWarn().addKeyValue("event", "LOG_SUPPRESSED");
      if (bus != null) {
        line = line.addKeyValue("bus", bus);
      }
      line.addKeyValue("suppressed", n)
          .log("{} {} log lines suppressed in the last second", n, what);
    };
  }

  public RateLimitedLog(int perWindow, long windowMillis) {
    this.perWindow = perWindow;
    this.windowMillis = windowMillis;
  }

  /**
   * Whether a line may be logged now. When a new window opens and lines were held back in the last
   * one, {@code reportSuppressed} is told how many first.
   */
  public boolean tryAcquire(long nowMillis, LongConsumer reportSuppressed) {
    // Not a sentinel start time: now minus Long.MIN_VALUE overflows to a negative number, which
    // kept the first window open forever (every line after the first few held back, unreported).
    if (!started || nowMillis - windowStart >= windowMillis) {
      started = true;
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
