package io.onex.bus.bench;

/**
 * What the metrics scenario runs: events per measured run, repetitions (the median is reported) and
 * the payload size. Immutable.
 *
 * @param events events per measured run
 * @param repetitions measured runs per cell
 * @param size payload bytes
 */
public record MetricsBenchOptions(int events, int repetitions, int size) {
  /** The cost that metrics may have: at most 5 % of the throughput without them. */
  public static final double TARGET_COST = 0.05;

  public MetricsBenchOptions {
    if (events < 1 || repetitions < 1) {
      throw new IllegalArgumentException("events and repetitions must be >= 1");
    }
    if (size < Payloads.MIN_SIZE || size > 1 << 19) {
      throw new IllegalArgumentException("size must be 8..524288 bytes, was " + size);
    }
  }

  /** The full run: 1,000,000 events of 256 bytes, 7 repetitions per cell. */
  public static MetricsBenchOptions full() {
    return new MetricsBenchOptions(1_000_000, 7, 256);
  }

  /** The quick run: 200,000 events, 5 repetitions. */
  public static MetricsBenchOptions quick() {
    return new MetricsBenchOptions(200_000, 5, 256);
  }
}
