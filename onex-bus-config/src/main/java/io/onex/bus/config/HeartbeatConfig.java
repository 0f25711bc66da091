package io.onex.bus.config;

import java.time.Duration;

/**
 * Liveness of a bus's connections: the ZMTP heartbeat interval (also how often idle sessions are
 * checked) and the silence after which a peer is dropped. Immutable; any thread.
 *
 * @param interval between heartbeats, > 0 and <= 24h
 * @param timeout silence that ends a session, longer than {@code interval}, <= 24h
 */
public record HeartbeatConfig(Duration interval, Duration timeout) {
  static final DurationRange INTERVAL = new DurationRange("interval", DurationRange.DAY);
  static final DurationRange TIMEOUT = new DurationRange("timeout", DurationRange.DAY);

  /** Validates both durations and their order; the message names the field. */
  public HeartbeatConfig {
    INTERVAL.require(interval);
    TIMEOUT.require(timeout);
    String p = orderProblem(interval, timeout);
    if (p != null) {
      throw new IllegalArgumentException("timeout " + p);
    }
  }

  /**
   * What is wrong with the pair, or null. A timeout at or below the interval would drop healthy
   * peers between two heartbeats.
   */
  static String orderProblem(Duration interval, Duration timeout) {
    if (timeout.compareTo(interval) <= 0) {
      return "must be longer than the heartbeat interval "
          + Durations.format(interval)
          + " (was "
          + Durations.format(timeout)
          + ")";
    }
    return null;
  }
}
