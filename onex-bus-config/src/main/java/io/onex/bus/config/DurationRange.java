package io.onex.bus.config;

import java.time.Duration;

/**
 * The bounds of one duration key: above zero and at most {@code max}. Shared by the compact
 * constructors and the loader like {@link IntRange}. Immutable; any thread.
 */
record DurationRange(String key, Duration max) {
  /** JeroMQ keeps heartbeat times as int milliseconds; a day is far inside that. */
  static final Duration DAY = Duration.ofHours(24);

  /** What is wrong with {@code value}, or null when it is fine. */
  String problem(Duration value) {
    if (value.isNegative() || value.isZero()) {
      return "must be > 0 (was " + Durations.format(value) + ")";
    }
    if (value.compareTo(max) > 0) {
      return "must be <= " + Durations.format(max) + " (was " + Durations.format(value) + ")";
    }
    return null;
  }

  /** For compact constructors: returns {@code value} or throws naming the key. */
  Duration require(Duration value) {
    if (value == null) {
      throw new IllegalArgumentException(key + " must not be null");
    }
    String p = problem(value);
    if (p != null) {
      throw new IllegalArgumentException(key + " " + p);
    }
    return value;
  }
}
