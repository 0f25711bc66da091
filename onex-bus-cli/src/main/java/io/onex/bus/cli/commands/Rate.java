package io.onex.bus.cli.commands;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces a loop to {@code perSecond} iterations a second against a fixed schedule (so a late
 * iteration is caught up, not lost). A rate of 0 means no pacing. One thread.
 */
final class Rate {
  private final long intervalNanos;
  private long next = System.nanoTime();

  Rate(double perSecond) {
    this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
  }

  /** Parses {@code 100}, {@code 100/s}; 0 or absent means unpaced. */
  static Rate parse(String text) {
    if (text == null) {
      return new Rate(0);
    }
    String t = text.endsWith("/s") ? text.substring(0, text.length() - 2) : text;
    try {
      double v = Double.parseDouble(t);
      if (v < 0) {
        throw new IllegalArgumentException("rate must be >= 0, was " + text);
      }
      return new Rate(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rate must look like 100/s, was " + text);
    }
  }

  /** Waits until the next iteration is due. */
  void pace() {
    if (intervalNanos == 0) {
      return;
    }
    next += intervalNanos;
    long wait = next - System.nanoTime();
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
