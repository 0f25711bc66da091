package io.onex.bus.bench.flow;

/**
 * What the latency scenario runs: {@code burstEvents} events in the 1→1 burst that measures each
 * system's top rate, {@code seconds} of paced publishing per measured run, {@code repetitions}
 * measured runs per system and rate after one warm-up run each, {@code size}-byte payloads, and
 * {@code rate}, the second rate in events/s (0: half the lowest burst rate of the systems; the
 * first rate is always {@link #FIXED_RATE}). Immutable.
 */
public record LatencyBenchOptions(
    int burstEvents, int seconds, int repetitions, int size, int rate) {
  /** The fixed rate, events/s. */
  public static final int FIXED_RATE = 10_000;

  public LatencyBenchOptions {
    if (burstEvents < 1 || seconds < 1 || repetitions < 1 || rate < 0) {
      throw new IllegalArgumentException("events, seconds and repetitions must be >= 1, rate >= 0");
    }
    if (size < LatencySink.MIN_SIZE || size > 1 << 19) {
      throw new IllegalArgumentException(
          "size must be " + LatencySink.MIN_SIZE + "..524288 bytes, was " + size);
    }
  }

  /** The full run: 200,000-event bursts, 5 s per run, 3 runs, 256 B, rate measured. */
  public static LatencyBenchOptions full() {
    return new LatencyBenchOptions(200_000, 5, 3, 256, 0);
  }

  /** The quick run: 50,000-event bursts, 1 s per run, 2 runs. */
  public static LatencyBenchOptions quick() {
    return new LatencyBenchOptions(50_000, 1, 2, 256, 0);
  }
}
