package io.onex.bus.bench.flow;

/**
 * What the fan-out and fan-in scenarios run: {@code events} events published per measured run (in
 * fan-in, split evenly over the publishers), {@code repetitions} measured runs per system after one
 * warm-up run each (the median is reported), {@code size}-byte payloads. Immutable.
 */
public record FanBenchOptions(int events, int repetitions, int size) {
  /** ARCHITECTURE's goal: twice NATS's throughput. */
  public static final double TARGET_RATIO = 2.0;

  public FanBenchOptions {
    if (events < FanBench.FAN || repetitions < 1) {
      throw new IllegalArgumentException(
          "events must be >= " + FanBench.FAN + " and repetitions >= 1");
    }
    if (size < 8 || size > 1 << 19) {
      throw new IllegalArgumentException("size must be 8..524288 bytes, was " + size);
    }
  }

  /**
   * The full run, 5 runs of 256 B events: fan-out 200,000 events per run (2,000,000 deliveries),
   * fan-in 1,000,000 (the same order of deliveries, so a run lasts about a second either way).
   */
  public static FanBenchOptions full(String scenario) {
    return new FanBenchOptions(scenario.equals(FanBench.FANIN) ? 1_000_000 : 200_000, 5, 256);
  }

  /** The quick run: a quarter of the events (fan-in: a fifth), 3 runs. */
  public static FanBenchOptions quick(String scenario) {
    return new FanBenchOptions(scenario.equals(FanBench.FANIN) ? 200_000 : 50_000, 3, 256);
  }
}
