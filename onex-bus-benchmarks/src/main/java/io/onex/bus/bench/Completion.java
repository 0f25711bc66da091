package io.onex.bus.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts receipts on the receiving thread and lets the harness wait for the last one, or for the
 * stream to stall (a system that dropped events never reaches the count). Receiving thread: {@link
 * #received()}; harness thread: the rest.
 */
final class Completion {
  private final long expected;
  private final AtomicLong count = new AtomicLong();
  private volatile long lastReceiptNanos;

  Completion(long expected) {
    this.expected = expected;
  }

  void received() {
    lastReceiptNanos = System.nanoTime();
    count.incrementAndGet();
  }

  /** Waits until every event arrived or none arrived for {@code stallNanos}; returns the count. */
  long await(long stallNanos) {
    long lastSeen = -1;
    long lastChange = System.nanoTime();
    while (count.get() < expected) {
      long c = count.get();
      if (c != lastSeen) {
        lastSeen = c;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > stallNanos) {
        break;
      }
      LockSupport.parkNanos(200_000);
    }
    return count.get();
  }

  long lastReceiptNanos() {
    return lastReceiptNanos;
  }
}
