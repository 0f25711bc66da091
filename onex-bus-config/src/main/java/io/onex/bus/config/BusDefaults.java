package io.onex.bus.config;

import java.time.Duration;

/**
 * The settings a bus inherits when it does not set a key: the built-in values, overridden by the
 * file's {@code defaults} section. Always valid: the loader falls back to the layer below for any
 * key it rejects. Immutable; any thread.
 */
record BusDefaults(
    String host,
    QueueConfig queue,
    LimitsConfig limits,
    HeartbeatConfig heartbeat,
    LoggingConfig logging,
    ShutdownConfig shutdown) {

  /**
   * What applies when neither the bus nor {@code defaults} says otherwise; docs/config.md lists the
   * same values. The high-water marks are modest on purpose: ZeroMQ's pipes sit outside the
   * per-subscription queue bound, so a large mark would let a slow peer hold that many whole frames
   * in memory.
   */
  static final BusDefaults BUILT_IN =
      new BusDefaults(
          "127.0.0.1",
          new QueueConfig(1000, DropPolicy.OLDEST),
          new LimitsConfig(1 << 20, 1024, 10_000, 250, 1000, 2),
          new HeartbeatConfig(Duration.ofSeconds(2), Duration.ofSeconds(10)),
          new LoggingConfig("info", false),
          new ShutdownConfig(Duration.ofSeconds(5)));
}
