package io.onex.bus.bench;

/**
 * A messaging system under test. {@link #oneToOne} publishes {@code count} events of {@code size}
 * bytes from one publisher to one subscriber, as fast as the publisher can, and measures from the
 * first publish to the last receipt. Called from the harness thread only.
 */
public interface BenchSystem extends AutoCloseable {
  /** The name used in rows: {@code onex}, {@code nats}, {@code jeromq-raw}. */
  String name();

  /** One measured run. */
  Measurement oneToOne(int size, int count) throws Exception;

  @Override
  void close();

  /** What one run measured. */
  record Measurement(long received, long elapsedNanos, long lost) {
    double eventsPerSecond() {
      return elapsedNanos == 0 ? 0 : received * 1e9 / elapsedNanos;
    }
  }
}
