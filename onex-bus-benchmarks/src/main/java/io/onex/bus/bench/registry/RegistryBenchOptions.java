package io.onex.bus.bench.registry;

/**
 * What the registry scenario runs: {@code clients} concurrent clients (one thread, one connection
 * each), {@code leaseOperations} lease operations per measured run (a grant and its release count
 * as two), {@code nodes} registered nodes and {@code heartbeats} heartbeats over them per measured
 * run, {@code repetitions} measured runs after one warm-up (the median is reported), and {@code
 * window} requests each pipelined client keeps in flight (1 skips the pipelined variant).
 * Immutable.
 */
public record RegistryBenchOptions(
    int clients, int leaseOperations, int nodes, int heartbeats, int repetitions, int window) {
  /** The target for lease operations (grant or release) per second. */
  public static final double LEASE_TARGET = 5_000;

  /** The target for heartbeats per second with 10,000 registered nodes. */
  public static final double HEARTBEAT_TARGET = 20_000;

  /**
   * Requests a pipelined client may have in flight at most: below the client DEALER's 1000-message
   * high-water mark, so a send never blocks on a full pipe.
   */
  public static final int MAX_WINDOW = 500;

  public RegistryBenchOptions {
    if (clients < 1 || clients > 256) {
      throw new IllegalArgumentException("clients must be 1..256, was " + clients);
    }
    if (leaseOperations < 2 * clients) {
      throw new IllegalArgumentException(
          "lease operations must be at least 2 per client (" + 2 * clients + ")");
    }
    if (nodes < 1 || heartbeats < clients) {
      throw new IllegalArgumentException("nodes must be >= 1 and heartbeats >= clients");
    }
    if (repetitions < 1) {
      throw new IllegalArgumentException("repetitions must be >= 1");
    }
    if (window < 1 || window > MAX_WINDOW) {
      throw new IllegalArgumentException("window must be 1.." + MAX_WINDOW + ", was " + window);
    }
  }

  /** The full run: 8 clients, 40,000 lease operations, 10,000 nodes, 100,000 heartbeats, 5 runs. */
  public static RegistryBenchOptions full() {
    return new RegistryBenchOptions(8, 40_000, 10_000, 100_000, 5, 32);
  }

  /** The quick run: 8,000 lease operations, 20,000 heartbeats, 3 runs; under a minute. */
  public static RegistryBenchOptions quick() {
    return new RegistryBenchOptions(8, 8_000, 10_000, 20_000, 3, 32);
  }
}
