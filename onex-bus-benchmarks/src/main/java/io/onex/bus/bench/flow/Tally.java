package io.onex.bus.bench.flow;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Receipts of one client: its handlers all run on its one dispatcher thread, so each client gets a
 * tally of its own and no counter is shared between receiving threads. {@link #received()}: that
 * dispatcher thread; the rest: the harness thread.
 */
final class Tally {
  private final AtomicLong count = new AtomicLong();
  private volatile long lastReceiptNanos;

  void received() {
    lastReceiptNanos = System.nanoTime();
    count.lazySet(count.get() + 1); // one writer
  }

  long count() {
    return count.get();
  }

  long lastReceiptNanos() {
    return lastReceiptNanos;
  }

  /**
   * Waits until the tallies add up to {@code expected} more than {@code before} or stop moving for
   * {@code stallNanos}; returns how many arrived since {@code before}.
   */
  static long await(List<Tally> tallies, long before, long expected, long stallNanos) {
    long lastSeen = -1;
    long lastChange = System.nanoTime();
    while (true) {
      long got = sum(tallies) - before;
      if (got >= expected) {
        return got;
      }
      if (got != lastSeen) {
        lastSeen = got;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > stallNanos) {
        return got;
      }
      LockSupport.parkNanos(200_000);
    }
  }

  static long sum(List<Tally> tallies) {
    long s = 0;
    for (Tally t : tallies) {
      s += t.count();
    }
    return s;
  }

  static long lastReceipt(List<Tally> tallies) {
    long last = Long.MIN_VALUE;
    for (Tally t : tallies) {
      last = Math.max(last, t.lastReceiptNanos());
    }
    return last;
  }
}
