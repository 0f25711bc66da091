package io.onex.bus.bench.flow;

import org.HdrHistogram.Histogram;

/**
 * Publish-to-receive latency of stamped events: the publisher writes {@code System.nanoTime()} into
 * the payload just before it publishes ({@link #stamp}), the subscriber, in the same JVM, records
 * now minus that into the current run's histogram. {@link #received}: the one subscribing thread;
 * {@link #start}: the harness thread between runs (the tally's count publishes what was recorded).
 */
final class LatencySink {
  /** Where the 16 hex digits go: just after {@code {"p":"}. */
  private static final int OFFSET = 6;

  /** The smallest payload that holds a stamp. */
  static final int MIN_SIZE = 8 + 16;

  private static final long HIGHEST_NANOS = 60_000_000_000L;
  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private volatile Histogram current = newHistogram();

  static Histogram newHistogram() {
    return new Histogram(HIGHEST_NANOS, 3);
  }

  /** A fresh histogram for the next run; returns it (read it once the run's events are in). */
  Histogram start() {
    Histogram h = newHistogram();
    current = h;
    return h;
  }

  void received(byte[] payload) {
    long now = System.nanoTime();
    long sent = 0;
    for (int i = 0; i < 16; i++) {
      int c = payload[OFFSET + i];
      sent = (sent << 4) | (c <= '9' ? c - '0' : c - 'a' + 10);
    }
    current.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, now - sent)));
  }

  /** Writes {@code nanos} into a payload of {@link #MIN_SIZE} bytes or more. */
  static void stamp(byte[] payload, long nanos) {
    for (int i = 15; i >= 0; i--) {
      payload[OFFSET + i] = HEX[(int) (nanos & 0xf)];
      nanos >>>= 4;
    }
  }
}
