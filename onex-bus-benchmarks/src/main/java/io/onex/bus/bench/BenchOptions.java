package io.onex.bus.bench;

import java.util.List;

/**
 * What to run: payload sizes, events per measured run, repetitions (the median is reported) and
 * systems. {@link #quick()} finishes in well under a minute on a 2-core machine. Immutable.
 */
public record BenchOptions(List<Integer> sizes, int events, int repetitions, List<String> systems) {
  public static final List<String> ALL_SYSTEMS = List.of("onex", "nats", "jeromq-raw");

  public BenchOptions {
    sizes = List.copyOf(sizes);
    systems = List.copyOf(systems);
    if (events < 1 || repetitions < 1) {
      throw new IllegalArgumentException("events and repetitions must be >= 1");
    }
    for (int s : sizes) {
      if (s < Payloads.MIN_SIZE || s > 1 << 19) {
        throw new IllegalArgumentException("size must be 8..524288 bytes, was " + s);
      }
    }
    for (String s : systems) {
      if (!ALL_SYSTEMS.contains(s)) {
        throw new IllegalArgumentException("unknown system " + s + "; known: " + ALL_SYSTEMS);
      }
    }
  }

  /** The full run: 16, 256 and 1024 bytes, 1,000,000 events, 5 repetitions. */
  public static BenchOptions full() {
    return new BenchOptions(List.of(16, 256, 1024), 1_000_000, 5, ALL_SYSTEMS);
  }

  /** The quick run: 200,000 events, 3 repetitions. */
  public static BenchOptions quick() {
    return new BenchOptions(List.of(16, 256, 1024), 200_000, 3, ALL_SYSTEMS);
  }
}
