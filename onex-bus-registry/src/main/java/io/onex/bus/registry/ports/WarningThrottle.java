package io.onex.bus.registry.ports;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Lets one warning through per interval and counts the ones it holds back, so a dead port server
 * costs one log line per interval rather than one per lease. Any thread.
 */
final class WarningThrottle {
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private boolean warned; // guarded by this
  private long lastWarnedNanos; // guarded by this
  private long suppressed; // guarded by this

  WarningThrottle(Duration interval, LongSupplier nanoTime) {
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * Whether to log this warning now. When yes, the result is how many were held back since the last
   * one logged (0 or more); when no, the result is -1 and the warning is counted.
   */
  synchronized long tryWarn() {
    long now = nanoTime.getAsLong();
    if (warned && now - lastWarnedNanos < intervalNanos) {
      suppressed++;
      return -1;
    }
    warned = true;
    lastWarnedNanos = now;
    long held = suppressed;
    suppressed = 0;
    return held;
  }
}
