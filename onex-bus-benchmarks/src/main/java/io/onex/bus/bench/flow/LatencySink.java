package io.onex.bus.bench.flow;

import org.HdrHistogram.Histogram;

/**
 * Publish-to-receive latency of stamped events: the publisher writes {@code System.nanoTime()} and
 * the wall clock in microseconds into the payload just before it publishes ({@link #stamp}), the
 * subscriber, in the same JVM, records now minus the first into the current run's histogram. Where
 * the delivery carries the broker's stamp (onex: the time at which the loop began the pass that
 * routed the event), the wall-clock stamp splits the latency in two, publish to broker pass and
 * broker pass to handler, each in a histogram of its own. {@link #received}: the one subscribing
 * thread; {@link #start}: the harness thread between runs (the tally's count publishes what was
 * recorded).
 */
final class LatencySink {
  /** Where the 16 hex digits of the nanoTime stamp go: just after {@code {"p":"}. */
  private static final int OFFSET = 6;

  /** Where the 16 hex digits of the wall-clock stamp go: right after the first. */
  private static final int WALL_OFFSET = OFFSET + 16;

  /** The smallest payload that holds both stamps. */
  static final int MIN_SIZE = 8 + 32;

  private static final long HIGHEST_NANOS = 60_000_000_000L;
  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** One run's histograms: the whole latency, and its two halves where the broker stamped. */
  record Run(Histogram total, Histogram toBroker, Histogram fromBroker) {}

  private volatile Run current = newRun();

  static Histogram newHistogram() {
    return new Histogram(HIGHEST_NANOS, 3);
  }

  private static Run newRun() {
    return new Run(newHistogram(), newHistogram(), newHistogram());
  }

  /** Fresh histograms for the next run; returns them (read them once the run's events are in). */
  Run start() {
    Run r = newRun();
    current = r;
    return r;
  }

  /** A delivery without a broker stamp (NATS). */
  void received(byte[] payload) {
    received(payload, 0);
  }

  /**
   * A delivery; {@code brokerMicros} is the broker's wall-clock stamp on it, or 0 where there is
   * none.
   */
  void received(byte[] payload, long brokerMicros) {
    long now = System.nanoTime();
    Run r = current;
    r.total().recordValue(clamp(now - read(payload, OFFSET)));
    if (brokerMicros > 0) {
      long sentMicros = read(payload, WALL_OFFSET);
      // The loop's stamp is taken when its pass begins, so an event read later in the same pass
      // can look published after it: that half is then 0.
      r.toBroker().recordValue(clamp((brokerMicros - sentMicros) * 1000));
      r.fromBroker().recordValue(clamp((wallMicros() - brokerMicros) * 1000));
    }
  }

  private static long clamp(long nanos) {
    return Math.min(HIGHEST_NANOS, Math.max(0, nanos));
  }

  private static long read(byte[] payload, int offset) {
    long v = 0;
    for (int i = 0; i < 16; i++) {
      int c = payload[offset + i];
      v = (v << 4) | (c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return v;
  }

  /** The wall clock in microseconds, as the broker stamps deliveries. */
  static long wallMicros() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /**
   * Writes {@code nanos} and the wall clock into a payload of {@link #MIN_SIZE} bytes or more; the
   * nanoTime stamp last, so that it is as close to the publish as it can be.
   */
  static void stamp(byte[] payload, long nanos) {
    write(payload, WALL_OFFSET, wallMicros());
    write(payload, OFFSET, nanos);
  }

  private static void write(byte[] payload, int offset, long value) {
    for (int i = 15; i >= 0; i--) {
      payload[offset + i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
  }
}
