package io.onex.bus.bench.flow;

/**
 * What the stalled scenario runs: {@code events} events of {@code size} bytes per measured run in
 * each cell, {@code repetitions} measured runs per cell after one warm-up run each (the median is
 * reported). Immutable.
 */
public record StalledBenchOptions(int events, int repetitions, int size) {
  /** The target: the fast subscriber's rate next to a stalled one over its rate alone. */
  public static final double TARGET_RATIO = 0.9;

  /** The stalled subscriber's own broker queue bound (drop-oldest). */
  public static final int STALLED_QUEUE = 1000;

  public StalledBenchOptions {
    if (events < 1 || repetitions < 1) {
      throw new IllegalArgumentException("events and repetitions must be >= 1");
    }
    if (size < 8 || size > 1 << 19) {
      throw new IllegalArgumentException("size must be 8..524288 bytes, was " + size);
    }
  }

  /** The full run: 1,000,000 events per run, 9 runs, 256 B. */
  public static StalledBenchOptions full() {
    return new StalledBenchOptions(1_000_000, 9, 256);
  }

  /** The quick run: 200,000 events per run, 3 runs. */
  public static StalledBenchOptions quick() {
    return new StalledBenchOptions(200_000, 3, 256);
  }
}
