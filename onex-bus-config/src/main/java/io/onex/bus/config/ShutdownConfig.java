package io.onex.bus.config;

import java.time.Duration;

/**
 * How a bus stops. Immutable; any thread.
 *
 * @param drainTimeout how long queued deliveries may still flush at stop, > 0 and <= 24h
 */
public record ShutdownConfig(Duration drainTimeout) {
  static final DurationRange DRAIN_TIMEOUT = new DurationRange("drain_timeout", DurationRange.DAY);

  /** Validates the duration; the message names the field. */
  public ShutdownConfig {
    DRAIN_TIMEOUT.require(drainTimeout);
  }
}
