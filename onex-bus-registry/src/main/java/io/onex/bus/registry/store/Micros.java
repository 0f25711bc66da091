package io.onex.bus.registry.store;

import java.time.Instant;

/**
 * Instants as the store keeps them: whole microseconds since the epoch in an INTEGER column.
 * Microseconds keep everything a clock on the registry's hosts reports in practice and still span
 * about ±292,000 years in a long. Stateless; any thread.
 */
final class Micros {
  private static final long PER_SECOND = 1_000_000L;

  private Micros() {}

  /** {@code instant} in microseconds since the epoch; nanoseconds below a microsecond are cut. */
  static long of(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano() / 1_000);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          instant + " is outside what the store keeps (about ±292,000 years around 1970)", e);
    }
  }

  /** Reads {@link #of(Instant)} back. */
  static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1_000L);
  }
}
