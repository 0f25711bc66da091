package io.onex.bus.bench.flow;

import java.util.List;

/**
 * What the memory scenario runs: {@code clients} connections per system, the subscription counts to
 * measure at ({@code subscriptions}, ascending; a baseline at 0 is always measured first), and
 * {@code repetitions} fresh servers per system (the median is reported). Immutable.
 */
public record MemoryBenchOptions(int clients, List<Integer> subscriptions, int repetitions) {
  public MemoryBenchOptions {
    subscriptions = List.copyOf(subscriptions);
    if (clients < 1 || clients > 1_000) {
      throw new IllegalArgumentException("clients must be 1..1000, was " + clients);
    }
    if (repetitions < 1) {
      throw new IllegalArgumentException("repetitions must be >= 1, was " + repetitions);
    }
    if (subscriptions.isEmpty()) {
      throw new IllegalArgumentException("give at least one subscription count");
    }
    int previous = 0;
    for (int n : subscriptions) {
      if (n <= previous || n > 1_000_000) {
        throw new IllegalArgumentException(
            "subscription counts must ascend within 1..1000000, was " + subscriptions);
      }
      previous = n;
    }
  }

  /** The full run: 10 clients, 1,000 and 10,000 subscriptions, 3 fresh servers per system. */
  public static MemoryBenchOptions full() {
    return new MemoryBenchOptions(10, List.of(1_000, 10_000), 3);
  }

  /** The quick run: the same counts, one server per system. */
  public static MemoryBenchOptions quick() {
    return new MemoryBenchOptions(10, List.of(1_000, 10_000), 1);
  }
}
