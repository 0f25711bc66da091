package io.onex.bus.bench.flow;

/**
 * What the routing scenario runs: {@code events} events of {@code size} bytes per measured run in
 * each cell, {@code repetitions} measured runs per cell after one warm-up run each (the median is
 * reported), and {@code clients} receiving connections the 1,000 subscriptions are spread over.
 * Immutable.
 */
public record RoutingBenchOptions(int events, int repetitions, int clients, int size) {
  /** The target: many-topics events routed per second over single-topic's. */
  public static final double TARGET_RATIO = 0.8;

  public RoutingBenchOptions {
    if (events < 1 || repetitions < 1) {
      throw new IllegalArgumentException("events and repetitions must be >= 1");
    }
    if (clients < 1 || clients > 64) {
      throw new IllegalArgumentException("clients must be 1..64, was " + clients);
    }
    if (size < 8 || size > 1 << 19) {
      throw new IllegalArgumentException("size must be 8..524288 bytes, was " + size);
    }
  }

  /** The full run: 1,000,000 events per run, 9 runs, 4 receiving clients, 256 B. */
  public static RoutingBenchOptions full() {
    return new RoutingBenchOptions(1_000_000, 9, 4, 256);
  }

  /** The quick run: 200,000 events per run, 3 runs. */
  public static RoutingBenchOptions quick() {
    return new RoutingBenchOptions(200_000, 3, 4, 256);
  }
}
