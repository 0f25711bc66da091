package io.onex.bus.bench.flow;

/**
 * One line of the memory scenario: a system holding {@code subscriptions} subscriptions from {@code
 * clients} connections. {@code measure} says what was read: {@code heap-after-gc} (the broker's
 * JVM, live heap after full collections) or {@code rss} (the server process's resident set). {@code
 * bytes} is that reading and {@code deltaBytes} its growth over the same server's baseline with no
 * subscription (medians over the repetitions; {@code min/maxDeltaBytes} their spread); {@code
 * bytesPerSubscription} is {@code deltaBytes / subscriptions} (NaN at the baseline). {@code
 * serverSubscriptions} is what the server itself counted beyond its baseline, so a row can be
 * checked. {@code ratioToNats} is this system's bytes per subscription over NATS's at the same
 * count (lower is better). Immutable.
 */
public record MemoryRow(
    String system,
    String measure,
    int clients,
    int subscriptions,
    long bytes,
    long deltaBytes,
    long minDeltaBytes,
    long maxDeltaBytes,
    long serverSubscriptions,
    double ratioToNats) {

  public double bytesPerSubscription() {
    return subscriptions == 0 ? Double.NaN : (double) deltaBytes / subscriptions;
  }

  MemoryRow withRatio(double ratio) {
    return new MemoryRow(
        system,
        measure,
        clients,
        subscriptions,
        bytes,
        deltaBytes,
        minDeltaBytes,
        maxDeltaBytes,
        serverSubscriptions,
        ratio);
  }
}
