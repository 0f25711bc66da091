package io.onex.bus.bench;

/**
 * What the schema scenario runs: events per measured run, repetitions (the median is reported) and
 * the payload size. Immutable.
 *
 * @param events events per measured run
 * @param repetitions measured runs per cell
 * @param size payload bytes (an OnexEvent padded to exactly this size)
 */
public record SchemaBenchOptions(int events, int repetitions, int size) {
  /** Strict checking must keep at least half the throughput without checking. */
  public static final double TARGET_RATIO = 0.5;

  public SchemaBenchOptions {
    if (events < 1 || repetitions < 1) {
      throw new IllegalArgumentException("events and repetitions must be >= 1");
    }
    if (size < SchemaBench.MIN_SIZE || size > 1 << 19) {
      throw new IllegalArgumentException(
          "size must be " + SchemaBench.MIN_SIZE + "..524288 bytes, was " + size);
    }
  }

  /** The full run: 1,000,000 events of 256 bytes, 7 repetitions per cell. */
  public static SchemaBenchOptions full() {
    return new SchemaBenchOptions(1_000_000, 7, 256);
  }

  /** The quick run: 200,000 events, 5 repetitions. */
  public static SchemaBenchOptions quick() {
    return new SchemaBenchOptions(200_000, 5, 256);
  }
}
